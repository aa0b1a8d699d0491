namespace ActionBot.Core.Tracking;

/// <summary>A postmortem file as merged: the commit it was read at and the pull request that merged it.</summary>
public sealed record TrackedPostmortem
{
    public required string Repository { get; init; }
    public required string Path { get; init; }
    public required string IssueRepository { get; init; }
    public required string CommitSha { get; init; }
    public int? PullRequest { get; init; }
    public string? PullRequestUrl { get; init; }
    public string? Author { get; init; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public DateTimeOffset MergedAt { get; init; }

    /// <summary>Link to the file at its merge commit (GitHub's blob URL), for issue bodies and chat.</summary>
    public string? FileUrl { get; init; }

    /// <summary>Its tracking issue as recorded (INTERFACES §5); <see cref="TrackingRecord.None"/> until one is decided on.</summary>
    public TrackingRecord Tracking { get; init; } = TrackingRecord.None;

    /// <summary>The tracking issue's page on GitHub, once it is open: what the dashboard and chat link.</summary>
    public string? TrackingIssueUrl => Tracking.Url;
}

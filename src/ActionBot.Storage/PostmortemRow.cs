using ActionBot.Core.Tracking;

namespace ActionBot.Storage;

/// <summary>A <c>postmortems</c> row as stored: the parameters of writes and the shape of reads.</summary>
internal sealed class PostmortemRow
{
    public string Repository { get; set; } = "";
    public string Path { get; set; } = "";
    public string IssueRepository { get; set; } = "";
    public string CommitSha { get; set; } = "";
    public long? PullRequest { get; set; }
    public string? PullRequestUrl { get; set; }
    public string? Author { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string MergedAt { get; set; } = "";
    public string? FileUrl { get; set; }
    public string? TrackingRequestedAt { get; set; }
    public string? TrackingAttemptedAt { get; set; }
    public string? TrackingRepository { get; set; }
    public long? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public string TrackingState { get; set; } = "open";
    public string? TrackingBodyHash { get; set; }

    /// <summary>SELECT list of a <c>postmortems</c> row, aliased to this class's properties.</summary>
    public const string Columns = """
        repository AS Repository, path AS Path, issue_repository AS IssueRepository, commit_sha AS CommitSha,
        pull_request AS PullRequest, pull_request_url AS PullRequestUrl, author AS Author, title AS Title,
        postmortem_date AS Date, merged_at AS MergedAt, file_url AS FileUrl,
        tracking_requested_at AS TrackingRequestedAt, tracking_attempted_at AS TrackingAttemptedAt,
        tracking_issue_repository AS TrackingRepository, tracking_issue_number AS TrackingNumber,
        tracking_issue_url AS TrackingUrl, tracking_state AS TrackingState, tracking_body_hash AS TrackingBodyHash
        """;

    /// <summary>The parameters of <c>ItemSql.SaveTracking</c>.</summary>
    public static object TrackingParameters(string repository, string path, TrackingRecord tracking) => new
    {
        Repository = repository,
        Path = path,
        RequestedAt = SqlValues.Timestamp(tracking.RequestedAt),
        AttemptedAt = SqlValues.Timestamp(tracking.AttemptedAt),
        IssueRepository = tracking.Repository,
        tracking.Number,
        tracking.Url,
        State = SqlValues.State(tracking.State),
        tracking.BodyHash,
    };

    public static PostmortemRow From(TrackedPostmortem postmortem) => new()
    {
        Repository = postmortem.Repository,
        Path = postmortem.Path,
        IssueRepository = postmortem.IssueRepository,
        CommitSha = postmortem.CommitSha,
        PullRequest = postmortem.PullRequest,
        PullRequestUrl = postmortem.PullRequestUrl,
        Author = postmortem.Author,
        Title = postmortem.Title,
        Date = SqlValues.Date(postmortem.Date),
        MergedAt = SqlValues.Timestamp(postmortem.MergedAt),
        FileUrl = postmortem.FileUrl,
    };

    public TrackedPostmortem ToPostmortem() => new()
    {
        Repository = Repository,
        Path = Path,
        IssueRepository = IssueRepository,
        CommitSha = CommitSha,
        PullRequest = PullRequest is { } number ? checked((int)number) : null,
        PullRequestUrl = PullRequestUrl,
        Author = Author,
        Title = Title,
        Date = SqlValues.ParseDate(Date),
        MergedAt = SqlValues.ParseTimestamp(MergedAt),
        FileUrl = FileUrl,
        Tracking = new TrackingRecord
        {
            RequestedAt = SqlValues.ParseTimestampOrNull(TrackingRequestedAt),
            AttemptedAt = SqlValues.ParseTimestampOrNull(TrackingAttemptedAt),
            Repository = TrackingRepository,
            Number = TrackingNumber is { } tracking ? checked((int)tracking) : null,
            Url = TrackingUrl,
            State = SqlValues.ParseState(TrackingState),
            BodyHash = TrackingBodyHash,
        },
    };
}

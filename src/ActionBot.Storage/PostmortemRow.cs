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
    };
}

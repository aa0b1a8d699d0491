using ActionBot.Core.Tracking;

namespace ActionBot.Core.Ports;

public sealed record IssueDraft(string Title, string Body, IReadOnlyList<string> Labels, IReadOnlyList<string> Assignees);

/// <summary>An issue: its number, its page, and GitHub's id of it (what a sub-issue is attached by) when known.</summary>
public sealed record IssueRef(int Number, string Url, long? Id = null);

/// <summary>GitHub refused to attach a sub-issue (422): it has another parent, the parent is full, or it is there already.</summary>
public sealed record SubIssueRefusal(string Reason);

/// <summary>The state of an issue as the tracker reports it, with the item key of its marker if it has one.</summary>
public sealed record IssueStatus(int Number, ItemState State, string? ItemKey, DateTimeOffset UpdatedAt);

/// <summary>
/// Where action-item issues live (GitHub). A create that fails without a clear answer may still have
/// created the issue (<see cref="UncertainWriteException"/>): callers look for the item's marker before trying again.
/// </summary>
public interface IIssueTracker
{
    /// <summary>Creates the labels that do not exist yet.</summary>
    Task EnsureLabelsAsync(string issueRepository, IReadOnlyList<string> labels, CancellationToken cancellationToken);

    /// <summary>The issue whose body carries <paramref name="itemKey"/>'s marker, among issues updated since <paramref name="since"/>.</summary>
    Task<IssueRef?> FindByItemKeyAsync(string issueRepository, string itemKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an issue. Assignees that cannot be assigned are dropped, not fatal. Throws <see cref="UncertainWriteException"/>
    /// when the answer was lost, so the issue may exist; any other failure means it was not created.
    /// </summary>
    Task<IssueRef> CreateAsync(string issueRepository, IssueDraft draft, CancellationToken cancellationToken);

    Task UpdateAsync(string issueRepository, int number, IssueDraft draft, CancellationToken cancellationToken);

    Task CommentAsync(string issueRepository, int number, string body, CancellationToken cancellationToken);

    /// <summary>
    /// Comments unless a comment on the issue already carries <paramref name="marker"/> (an earlier try whose answer was
    /// lost, or a crash before it was recorded); true when it commented now.
    /// </summary>
    Task<bool> CommentOnceAsync(string issueRepository, int number, string body, string marker, CancellationToken cancellationToken);

    /// <summary>Issues labelled as action items that changed since <paramref name="since"/>.</summary>
    IAsyncEnumerable<IssueStatus> ListChangedSinceAsync(string issueRepository, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The tracking issue whose body carries <paramref name="postmortemKey"/>'s marker, among issues updated since <paramref name="since"/>.</summary>
    Task<IssueRef?> FindTrackingIssueAsync(string issueRepository, string postmortemKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>An issue with its id (for issues opened before ids were recorded).</summary>
    Task<IssueRef> GetIssueAsync(string issueRepository, int number, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches the issue whose id is <paramref name="subIssueId"/> as a sub-issue of <paramref name="parentNumber"/>; null
    /// when attached, GitHub's reason when it refused. Throws <see cref="UncertainWriteException"/> when the answer was
    /// lost (it may be attached: list the sub-issues before trying again).
    /// </summary>
    Task<SubIssueRefusal?> AttachSubIssueAsync(string issueRepository, int parentNumber, long subIssueId, CancellationToken cancellationToken);

    /// <summary>The ids of every sub-issue of <paramref name="parentNumber"/>, all pages.</summary>
    Task<IReadOnlyList<long>> ListSubIssueIdsAsync(string issueRepository, int parentNumber, CancellationToken cancellationToken);

    /// <summary>Closes (as completed) or reopens an issue.</summary>
    Task SetStateAsync(string issueRepository, int number, ItemState state, CancellationToken cancellationToken);
}

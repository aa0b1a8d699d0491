using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Content;
using ActionBot.GitHub.Webhooks;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Backfill;

/// <summary>
/// <c>backfill</c>: reads every postmortem already on the default branch of the configured repositories (the branch
/// head's tree in one request, then each postmortem at that commit) and tells, per postmortem, what ingesting it would
/// open; <see cref="ApplyAsync"/> ingests one by the same path as a merge (<see cref="PostmortemIngestion"/>, under its
/// lease), so a second run, a run beside <c>serve</c> or a run after a crash opens nothing twice.
/// </summary>
public sealed class PostmortemBackfill(
    IRepositoryFiles files,
    ActionItemExtractor extractor,
    IActionItemStore store,
    PostmortemIngestion ingestion,
    ITrackingIssuePolicy tracking,
    IOptionsMonitor<GitHubOptions> options,
    TimeProvider time)
{
    /// <summary>Reads the postmortems of every configured repository, or of <paramref name="repository"/> alone; reports each as it is read.</summary>
    public async Task<BackfillPlan> PlanAsync(string? repository, IProgress<BackfillPostmortem>? progress, CancellationToken cancellationToken)
    {
        var repositories = new List<BackfillRepository>();
        foreach (var configured in options.CurrentValue.Repositories
            .Where(r => repository is null || string.Equals(r.Name, repository, StringComparison.OrdinalIgnoreCase)))
        {
            repositories.Add(await ReadRepositoryAsync(configured, progress, cancellationToken));
        }

        return new BackfillPlan(repositories);
    }

    /// <summary>
    /// Ingests one postmortem of a plan (nothing when it needs no GitHub write). Returns the postmortem as it stands
    /// after, its items read again (what another process, as <c>serve</c>, opened meanwhile shows as having its issue),
    /// with the ingestion's report, null when skipped.
    /// </summary>
    public async Task<(BackfillPostmortem After, IngestionReport? Report)> ApplyAsync(BackfillPostmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        if (postmortem is not { Source: { } source, Markdown: { } markdown, Writes: > 0 })
        {
            return (postmortem, null);
        }

        var report = await ingestion.BackfillAsync(source, markdown, cancellationToken);
        var known = await store.GetItemsAsync(source.Repository, source.Path, cancellationToken);
        var after = postmortem with
        {
            Items = Items(source, extractor.Extract(markdown), known),
            TrackingIssueNumber = report.Postmortem?.Tracking.Number ?? postmortem.TrackingIssueNumber,
        };
        return (after, report);
    }

    private async Task<BackfillRepository> ReadRepositoryAsync(GitHubRepositoryOptions configured, IProgress<BackfillPostmortem>? progress, CancellationToken cancellationToken)
    {
        var repo = GitHubRepoName.Parse(configured.Name);
        var head = await files.GetDefaultBranchHeadAsync(repo, cancellationToken);
        var paths = await files.ListFilesAsync(repo, head.CommitSha, new PostmortemPathMatcher(configured.PostmortemPaths.ToList()), cancellationToken);
        var postmortems = new List<BackfillPostmortem>(paths.Count);
        foreach (var path in paths)
        {
            var postmortem = await ReadPostmortemAsync(repo, configured, head, path, cancellationToken);
            postmortems.Add(postmortem);
            progress?.Report(postmortem);
        }

        return new BackfillRepository(configured.Name, head.Branch, head.CommitSha, postmortems);
    }

    private async Task<BackfillPostmortem> ReadPostmortemAsync(
        GitHubRepoName repo, GitHubRepositoryOptions configured, BranchHead head, string path, CancellationToken cancellationToken)
    {
        var stored = await store.GetPostmortemAsync(configured.Name, path, cancellationToken);
        var read = new BackfillPostmortem(configured.Name, path, stored?.Title, stored?.Date, stored is not null);
        var bytes = await files.ReadFileAsync(repo, path, head.CommitSha, cancellationToken);
        var text = bytes is null ? PostmortemText.Unreadable("not found at the branch head") : PostmortemDecoder.Decode(bytes);
        if (text.Text is null)
        {
            return read with { Problem = text.Error ?? "unreadable" };
        }

        var result = extractor.Extract(text.Text);
        var known = stored is null ? [] : await store.GetItemsAsync(configured.Name, path, cancellationToken);
        var source = await SourceAsync(repo, configured, head, path, stored, cancellationToken);
        var items = Items(source, result, known);
        var hasIssues = items.Any(i => i.Status is BackfillItemStatus.Opens or BackfillItemStatus.HasIssue);
        var plan = !tracking.IsOn(configured.Name) ? BackfillTracking.Off
            : stored?.Tracking.Number is not null ? BackfillTracking.Exists
            : hasIssues ? BackfillTracking.Opens
            : BackfillTracking.None;
        return read with
        {
            Title = result.Title ?? read.Title,
            Date = result.Date ?? read.Date,
            Items = items,
            Tracking = plan,
            TrackingIssueNumber = stored?.Tracking.Number,
            Source = source,
            Markdown = text.Text,
        };
    }

    // Issues link the file at the commit read. A postmortem tracked already keeps its pull request and merge time; a new
    // one is dated by the commit that last changed it (its own date, when it gives one, counts for due dates).
    private async Task<TrackedPostmortem> SourceAsync(
        GitHubRepoName repo, GitHubRepositoryOptions configured, BranchHead head, string path, TrackedPostmortem? stored, CancellationToken cancellationToken)
    {
        var fileUrl = $"{head.HtmlUrl.TrimEnd('/')}/blob/{head.CommitSha}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";
        var issueRepository = configured.IssueRepository ?? configured.Name;
        if (stored is not null)
        {
            return stored with { CommitSha = head.CommitSha, FileUrl = fileUrl, IssueRepository = issueRepository };
        }

        var commit = await files.GetLastCommitAsync(repo, path, head.CommitSha, cancellationToken);
        return new TrackedPostmortem
        {
            Repository = configured.Name,
            Path = path,
            IssueRepository = issueRepository,
            CommitSha = head.CommitSha,
            Author = commit?.AuthorLogin,
            MergedAt = commit?.Date ?? time.GetUtcNow(),
            FileUrl = fileUrl,
        };
    }

    // What ingestion will do with each item, from the same matching it uses.
    private static List<BackfillItem> Items(TrackedPostmortem source, ExtractionResult result, IReadOnlyList<TrackedItem> known)
    {
        var matches = ItemMatcher.Match(known, result.Items);
        var items = matches.Unchanged.Concat(matches.Reworded)
            .Select(m => (m.Current.Line, Item: new BackfillItem(m.Known.Key, m.Current.Title, m.Current.Owners, m.Current.Due, StatusOf(m.Known), m.Known.IssueNumber, m.Known.AttachedAt is not null)))
            .Concat(matches.Added.Select(a => (a.Line, Item: new BackfillItem(
                IssueMarker.KeyFor(source.Repository, source.Path, a.Id), a.Title, a.Owners, a.Due, a.Done ? BackfillItemStatus.Done : BackfillItemStatus.Opens, null, false))))
            .OrderBy(x => x.Line)
            .Select(x => x.Item)
            .ToList();
        items.AddRange(matches.Removed.Where(r => r.IssueNumber is not null && r.State == ItemState.Open)
            .Select(r => new BackfillItem(r.Key, r.Title, r.Owners, r.Due, BackfillItemStatus.Removed, r.IssueNumber, r.AttachedAt is not null)));
        return items;
    }

    private static BackfillItemStatus StatusOf(TrackedItem known) =>
        known.IssueNumber is not null ? BackfillItemStatus.HasIssue
        : known.State == ItemState.Closed ? BackfillItemStatus.Done
        : BackfillItemStatus.Opens;
}

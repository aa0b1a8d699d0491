using System.Globalization;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>
/// What the bot would track for the bundled sample postmortems (<c>Samples/*.md</c> beside the executable), read with
/// the real extractor: the dashboard's dry-run view while GitHub is not configured, so a newcomer sees the product work.
/// </summary>
public sealed class SampleDryRun(ActionItemExtractor extractor, string? folder = null)
{
    public const string Repository = "samples";

    private readonly Lazy<(IReadOnlyList<TrackedPostmortem>, IReadOnlyList<TrackedItem>)> _read = new(() => Read(extractor, folder ?? DefaultFolder));

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>The sample postmortems and their items; done items are closed. Read once: the samples ship with the build.</summary>
    public (IReadOnlyList<TrackedPostmortem> Postmortems, IReadOnlyList<TrackedItem> Items) Read() => _read.Value;

    private static (IReadOnlyList<TrackedPostmortem>, IReadOnlyList<TrackedItem>) Read(ActionItemExtractor extractor, string folder)
    {
        var postmortems = new List<TrackedPostmortem>();
        var items = new List<TrackedItem>();
        if (!Directory.Exists(folder))
        {
            return (postmortems, items);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var path = Path.GetFileName(file);
            var result = extractor.Extract(File.ReadAllText(file));
            var date = result.Date ?? DateFromName(path);
            var merged = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
            postmortems.Add(new TrackedPostmortem
            {
                Repository = Repository, Path = path, IssueRepository = Repository, CommitSha = "dry-run", Title = result.Title, Date = date, MergedAt = merged,
            });
            items.AddRange(result.Items.Select(item => new TrackedItem
            {
                Key = item.Id, Repository = Repository, Path = path, IssueRepository = Repository, ItemId = item.Id,
                Title = item.Title, Details = item.Details, Section = item.Section, Owners = item.Owners, Due = item.Due,
                Priority = item.Priority, Kind = item.Kind, Line = item.Line,
                State = item.Done ? ItemState.Closed : ItemState.Open, CreatedAt = merged, UpdatedAt = merged, ClosedAt = item.Done ? merged : null,
            }));
        }

        return (postmortems, items);
    }

    // Sample files are named like 2024-11-05-certificate-expiry.md.
    private static DateOnly? DateFromName(string name) =>
        name.Length >= 10 && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

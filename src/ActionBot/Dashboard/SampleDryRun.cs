using System.Globalization;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;

namespace ActionBot.Dashboard;

/// <summary>The sample postmortems and their items as the dry run tracks them on one day.</summary>
public sealed record SampleSet(IReadOnlyList<TrackedPostmortem> Postmortems, IReadOnlyList<TrackedItem> Items);

/// <summary>
/// What the bot would track for the bundled sample postmortems (<c>Samples/*.md</c> beside the executable), read with
/// the real extractor: the dashboard's and the API's dry run while GitHub is not configured, so a newcomer sees the
/// product work. The samples are dated 2024-25; shown as they are, every item would be months overdue. So their dates
/// move with today: the newest sample merged <see cref="NewestMergedDaysAgo"/> days ago and the others as long before
/// it as they were written, each item's stated due date moving with them. Items a sample marks done count as closed on
/// their due date (at the merge when they state none), never after today.
/// </summary>
public sealed class SampleDryRun(ActionItemExtractor extractor, string? folder = null)
{
    public const string Repository = "samples";

    /// <summary>Days from the newest sample's merge to today: its items fall due over the next weeks, older ones are late.</summary>
    public const int NewestMergedDaysAgo = 6;

    // Extracted once (the samples ship with the build); dated per call.
    private readonly Lazy<IReadOnlyList<(string Path, ExtractionResult Result, DateOnly Date)>> _files = new(() => Extract(extractor, folder ?? DefaultFolder));

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>The samples as tracked on <paramref name="today"/>.</summary>
    public SampleSet Read(DateOnly today)
    {
        var files = _files.Value;
        if (files.Count == 0)
        {
            return new SampleSet([], []);
        }

        var shift = today.AddDays(-NewestMergedDaysAgo).DayNumber - files.Max(f => f.Date).DayNumber;
        var postmortems = new List<TrackedPostmortem>();
        var items = new List<TrackedItem>();
        foreach (var (path, result, date) in files)
        {
            var merged = Noon(date.AddDays(shift));
            postmortems.Add(new TrackedPostmortem
            {
                Repository = Repository, Path = path, IssueRepository = Repository, CommitSha = "dry-run", Title = result.Title,
                Date = date.AddDays(shift), MergedAt = merged,
            });
            items.AddRange(result.Items.Select(item => Track(item, path, merged, item.Due?.AddDays(shift), today)));
        }

        return new SampleSet(postmortems, items);
    }

    private static TrackedItem Track(ActionItem item, string path, DateTimeOffset merged, DateOnly? due, DateOnly today)
    {
        DateTimeOffset? closed = item.Done ? (due is { } date ? Noon(date < today ? date : today) : merged) : null;
        return new TrackedItem
        {
            Key = item.Id, Repository = Repository, Path = path, IssueRepository = Repository, ItemId = item.Id,
            Title = item.Title, Details = item.Details, Section = item.Section, Owners = item.Owners, Due = due,
            Priority = item.Priority, Kind = item.Kind, Line = item.Line,
            State = item.Done ? ItemState.Closed : ItemState.Open, CreatedAt = merged, UpdatedAt = closed ?? merged, ClosedAt = closed,
        };
    }

    // Noon UTC falls on the same calendar day in every time zone from UTC-12 to UTC+11.
    private static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static List<(string, ExtractionResult, DateOnly)> Extract(ActionItemExtractor extractor, string folder)
    {
        var files = new List<(string, ExtractionResult, DateOnly)>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var path = Path.GetFileName(file);
            var result = extractor.Extract(File.ReadAllText(file));
            files.Add((path, result, result.Date ?? DateFromName(path) ?? DateOnly.FromDateTime(File.GetLastWriteTimeUtc(file))));
        }

        return files;
    }

    // Sample files are named like 2024-11-05-certificate-expiry.md.
    private static DateOnly? DateFromName(string name) =>
        name.Length >= 10 && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

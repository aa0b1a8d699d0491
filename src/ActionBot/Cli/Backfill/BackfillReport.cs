using System.Globalization;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Backfill;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// What a backfill shows on standard output: per postmortem, each item and what becomes of it (would open, opened #n,
/// has #n, done, removed) and its tracking issue; then one summary line. Unreadable postmortems are not listed here
/// (standard error names them).
/// </summary>
internal sealed class BackfillReport(TextWriter output, bool apply)
{
    public void Plan(BackfillPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var repository in plan.Repositories)
        {
            foreach (var postmortem in repository.Postmortems.Where(p => p.Problem is null))
            {
                Postmortem(postmortem, null);
            }
        }
    }

    public void Applied(BackfillPostmortem postmortem, IngestionReport? ingested)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        Postmortem(postmortem, ingested);
    }

    public void Summary(BackfillTotals totals, TimeSpan estimate, TimeSpan? elapsed)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var read = $"{CliText.Plural(totals.Postmortems, "postmortem", "postmortems")} read";
        var rest = string.Create(CultureInfo.InvariantCulture,
            $"{CliText.Plural(totals.Done, "item", "items")} done, {CliText.Plural(totals.WithIssue, "item", "items")} with an issue already");
        if (totals.WithWork == 0)
        {
            output.WriteLine($"{read}: nothing to open; {rest}.");
            return;
        }

        output.WriteLine(elapsed is { } took
            ? string.Create(CultureInfo.InvariantCulture,
                $"{read}: opened {CliText.Plural(totals.Opened, "issue", "issues")} and {CliText.Plural(totals.TrackingOpened, "tracking issue", "tracking issues")} ({CliText.Plural(totals.Writes, "GitHub write", "GitHub writes")} in {CliText.Duration(took)}); {rest}.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{read}: would open {CliText.Plural(totals.ToOpen, "issue", "issues")} and {CliText.Plural(totals.TrackingToOpen, "tracking issue", "tracking issues")} ({CliText.Plural(totals.Writes, "GitHub write", "GitHub writes")}, about {CliText.Duration(estimate)} at GitHub's pace); {rest}."));
        if (elapsed is null)
        {
            output.WriteLine("Nothing was opened. Run it again with --apply to open them.");
        }
    }

    private void Postmortem(BackfillPostmortem postmortem, IngestionReport? ingested)
    {
        var date = postmortem.Date is { } d ? $" ({d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "";
        output.WriteLine($"{CliText.Clean(postmortem.Repository)} {CliText.Clean(postmortem.Path)}: {CliText.Clean(postmortem.Title ?? "untitled")}{date}");
        var opened = ingested?.IssuesOpened.Where(i => i.IssueNumber is not null).ToDictionary(i => i.Key, i => i.IssueNumber!.Value) ?? [];
        foreach (var item in postmortem.Items)
        {
            output.WriteLine($"  {Status(item, opened),-12} {Item(item)}");
        }

        output.WriteLine($"  {"tracking",-12} {Tracking(postmortem, ingested)}");
    }

    private string Status(BackfillItem item, Dictionary<string, int> opened) => item.Status switch
    {
        BackfillItemStatus.Opens => apply ? "not opened" : "would open",
        BackfillItemStatus.HasIssue when opened.TryGetValue(item.Key, out var number) => Issue("opened", number),
        BackfillItemStatus.HasIssue => Issue("has", item.IssueNumber),
        BackfillItemStatus.Done => "done",
        _ => Issue("removed", item.IssueNumber),
    };

    private string Tracking(BackfillPostmortem postmortem, IngestionReport? ingested)
    {
        var subIssues = postmortem.Items.Count(i => i.Status is BackfillItemStatus.Opens or BackfillItemStatus.HasIssue);
        var number = postmortem.TrackingIssueNumber;
        var count = CliText.Plural(subIssues, "sub-issue", "sub-issues");
        return postmortem.Tracking switch
        {
            BackfillTracking.Off => "off (GitHub:Repositories:N:TrackingIssue)",
            BackfillTracking.None => "none: no item has or gets an issue",
            BackfillTracking.Exists => $"{Issue("has", number)}, {count}",
            _ when number is not null && apply => $"{Issue(ingested is null ? "has" : "opened", number)}, {count}",
            _ => $"{(apply ? "not opened" : "would open")}, {count}",
        };
    }

    private static string Item(BackfillItem item)
    {
        var owners = item.Owners.Count == 0 ? "" : $" — {string.Join(", ", item.Owners.Select(CliText.Clean))}";
        var due = item.Due is { } d ? $", due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
        return CliText.Clean(item.Title) + owners + due;
    }

    private static string Issue(string verb, int? number) => number is { } n ? string.Create(CultureInfo.InvariantCulture, $"{verb} #{n}") : verb;
}

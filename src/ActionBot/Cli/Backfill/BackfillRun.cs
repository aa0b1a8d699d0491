using ActionBot.Core.Tracking;
using ActionBot.GitHub.Backfill;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// One <c>backfill</c>: reads every postmortem (progress on standard error), reports what it would open, and with
/// <c>--apply</c> ingests them one at a time, reporting each as it is done. The first failure stops the run (GitHub
/// down, a rate limit past its wait): what was done stays done, and a second run picks up from there.
/// </summary>
internal sealed class BackfillRun(PostmortemBackfill backfill, BackfillProgress progress, BackfillReport report)
{
    public async Task<int> RunAsync(string? repository, bool apply, CancellationToken cancellationToken)
    {
        var plan = await progress.ReadAsync(reporter => backfill.PlanAsync(repository, reporter, cancellationToken)).ConfigureAwait(false);
        foreach (var unreadable in plan.Postmortems.Where(p => p.Problem is not null))
        {
            progress.Unreadable(unreadable);
        }

        var totals = new BackfillTotals(plan);
        if (!apply)
        {
            report.Plan(plan);
            report.Summary(totals, progress.Estimate(plan.Writes), elapsed: null);
            return totals.Unreadable > 0 ? ExitCodes.BadUsage : ExitCodes.Success;
        }

        var started = progress.Start();
        await progress.ApplyAsync(plan, async (postmortem, cancel) =>
        {
            var (after, ingested) = await backfill.ApplyAsync(postmortem, cancel).ConfigureAwait(false);
            totals.Applied(postmortem, ingested);
            report.Applied(after, ingested);
        }, cancellationToken).ConfigureAwait(false);
        report.Summary(totals, progress.Estimate(plan.Writes), progress.Elapsed(started));
        return totals.Unreadable > 0 ? ExitCodes.BadUsage : ExitCodes.Success;
    }
}

/// <summary>The counts the summary gives: from the plan, and what the run opened.</summary>
internal sealed class BackfillTotals(BackfillPlan plan)
{
    public int Postmortems { get; } = plan.Postmortems.Count();
    public int Unreadable { get; } = plan.Postmortems.Count(p => p.Problem is not null);
    public int ToOpen { get; } = plan.Postmortems.Sum(p => p.IssuesToOpen);
    public int TrackingToOpen { get; } = plan.Postmortems.Count(p => p.Tracking == BackfillTracking.Opens);
    public int Writes { get; } = plan.Writes;
    public int WithWork { get; } = plan.Postmortems.Count(p => p.Writes > 0);
    public int Done { get; } = Count(plan, BackfillItemStatus.Done);
    public int WithIssue { get; } = Count(plan, BackfillItemStatus.HasIssue);

    public int Opened { get; private set; }
    public int TrackingOpened { get; private set; }

    public void Applied(BackfillPostmortem postmortem, IngestionReport? ingested)
    {
        Opened += ingested?.IssuesOpened.Count ?? 0;
        TrackingOpened += postmortem.Tracking == BackfillTracking.Opens && ingested?.Postmortem?.Tracking.Number is not null ? 1 : 0;
    }

    private static int Count(BackfillPlan plan, BackfillItemStatus status) => plan.Postmortems.Sum(p => p.Items.Count(i => i.Status == status));
}

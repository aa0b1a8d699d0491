using System.Globalization;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Backfill;
using Spectre.Console;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// Progress of a backfill on standard error, with Spectre.Console: on a terminal a live bar (postmortems and issues so
/// far, and the time left at GitHub's pace for content-creating requests, <see cref="GitHubWritePace"/>); redirected
/// (a log, CI), one plain line per postmortem.
/// </summary>
internal sealed class BackfillProgress
{
    private readonly IAnsiConsole _console;

    // Plain lines go straight to the stream: Spectre would wrap them at the terminal's width (80 when redirected).
    private readonly TextWriter _lines;
    private readonly TimeProvider _time;
    private readonly TimeSpan _writeInterval;

    public BackfillProgress(CliConsole console, TimeProvider time, TimeSpan writeInterval)
    {
        ArgumentNullException.ThrowIfNull(console);
        _lines = console.Error;
        _time = time;
        _writeInterval = writeInterval;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
    }

    private bool Live => _console.Profile.Capabilities.Interactive;

    /// <summary>Runs the reading of every postmortem, showing how many were read.</summary>
    public async Task<BackfillPlan> ReadAsync(Func<IProgress<BackfillPostmortem>, Task<BackfillPlan>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        BackfillPlan plan;
        if (Live)
        {
            plan = await _console.Progress().AutoClear(true).Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Reading postmortems").IsIndeterminate();
                    var count = 0;
                    return await read(new Reporter(p => task.Description = Markup.Escape(
                        string.Create(CultureInfo.InvariantCulture, $"Reading postmortems: {++count} ({CliText.Clean(p.Repository)} {CliText.Clean(p.Path)})"))));
                }).ConfigureAwait(false);
        }
        else
        {
            plan = await read(new Reporter(_ => { })).ConfigureAwait(false);
        }

        foreach (var repository in plan.Repositories)
        {
            _lines.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Read {CliText.Plural(repository.Postmortems.Count, "postmortem", "postmortems")} of {repository.Name} on {repository.Branch} at {repository.CommitSha[..Math.Min(7, repository.CommitSha.Length)]}."));
        }

        return plan;
    }

    public void Unreadable(BackfillPostmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        _lines.WriteLine($"actionbot: {CliText.Clean(postmortem.Repository)}/{CliText.Clean(postmortem.Path)}: {CliText.Clean(postmortem.Problem ?? "unreadable")}; skipped.");
    }

    public long Start() => _time.GetTimestamp();

    public TimeSpan Elapsed(long started) => _time.GetElapsedTime(started);

    /// <summary>How long <paramref name="writes"/> content-creating requests take at GitHub's pace, from the start of a run.</summary>
    public TimeSpan Estimate(int writes) => GitHubWritePace.TimeLeft(0, writes, TimeSpan.Zero, _writeInterval);

    /// <summary>Applies each readable postmortem in turn, showing postmortems and issues done and the time left.</summary>
    public async Task ApplyAsync(BackfillPlan plan, Func<BackfillPostmortem, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(apply);
        var work = plan.Postmortems.Where(p => p.Problem is null).ToList();
        var state = new ApplyState(work.Count, work.Sum(p => p.IssuesToOpen), plan.Writes, Start());
        if (!Live)
        {
            foreach (var postmortem in work)
            {
                await apply(postmortem, cancellationToken).ConfigureAwait(false);
                state.Done(postmortem);
                _lines.WriteLine($"[{state.Postmortems}/{work.Count}] {CliText.Clean(postmortem.Repository)} {CliText.Clean(postmortem.Path)}: {Describe(state)}");
            }

            return;
        }

        await _console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Describe(state)), maxValue: Math.Max(1, state.TotalWrites));
                foreach (var postmortem in work)
                {
                    await apply(postmortem, cancellationToken).ConfigureAwait(false);
                    state.Done(postmortem);
                    task.Value = state.Writes;
                    task.Description = Markup.Escape(Describe(state));
                }

                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }

    private string Describe(ApplyState state)
    {
        var left = GitHubWritePace.TimeLeft(state.Writes, state.TotalWrites - state.Writes, Elapsed(state.Started), _writeInterval);
        return string.Create(CultureInfo.InvariantCulture,
            $"postmortems {state.Postmortems}/{state.TotalPostmortems}, issues {state.Issues}/{state.TotalIssues}, about {CliText.Duration(left)} left at GitHub's pace");
    }

    private sealed class ApplyState(int totalPostmortems, int totalIssues, int totalWrites, long started)
    {
        public int TotalPostmortems { get; } = totalPostmortems;
        public int TotalIssues { get; } = totalIssues;
        public int TotalWrites { get; } = totalWrites;
        public long Started { get; } = started;
        public int Postmortems { get; private set; }
        public int Issues { get; private set; }
        public int Writes { get; private set; }

        public void Done(BackfillPostmortem postmortem)
        {
            Postmortems++;
            Issues += postmortem.IssuesToOpen;
            Writes += postmortem.Writes;
        }
    }

    // Reports synchronously, in order (Progress<T> would post to the thread pool, out of order).
    private sealed class Reporter(Action<BackfillPostmortem> report) : IProgress<BackfillPostmortem>
    {
        public void Report(BackfillPostmortem value) => report(value);
    }
}

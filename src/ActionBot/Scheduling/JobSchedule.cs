using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>
/// When a recurring job runs, as Hangfire is told: a cron expression (Hangfire reads it with Cronos: five fields, or six
/// with seconds first) in a time zone. An interval becomes a cron expression in UTC when one can say it, that is when
/// it divides a minute, an hour or a day evenly (00:00:02, 00:05:00, 06:00:00); any other interval (00:00:07,
/// 01:30:00) gets <see cref="Cron.Never"/>, and <see cref="IntervalTrigger"/> triggers the job one interval after its
/// last run.
/// </summary>
public sealed partial record JobSchedule(string Cron, TimeZoneInfo TimeZone, TimeSpan? Interval)
{
    /// <summary>True when no cron expression says the interval: <see cref="IntervalTrigger"/> runs the job.</summary>
    public bool IsTriggered => Interval is not null && Cron == Hangfire.Cron.Never();

    public static JobSchedule Every(TimeSpan interval) =>
        interval > TimeSpan.Zero
            ? new(IntervalCron(interval) ?? Hangfire.Cron.Never(), TimeZoneInfo.Utc, interval)
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "An interval must be positive.");

    /// <summary>A configured cron expression (see <see cref="ToCronos"/>) in <paramref name="timeZone"/>.</summary>
    public static JobSchedule Of(string expression, TimeZoneInfo timeZone) => new(ToCronos(expression), timeZone, null);

    /// <summary>
    /// The cron expression of an interval, or null when none says it. Steps restart at each minute, hour or day, so
    /// only a step that divides the next unit evenly keeps the same interval across the boundary.
    /// </summary>
    public static string? IntervalCron(TimeSpan interval)
    {
        if (interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return null;
        }

        var seconds = interval.Ticks / TimeSpan.TicksPerSecond;
        return seconds switch
        {
            < 60 => 60 % seconds == 0 ? Invariant($"*/{seconds} * * * * *") : null,
            < 3600 => seconds % 60 == 0 && 60 % (seconds / 60) == 0 ? Invariant($"0 */{seconds / 60} * * * *") : null,
            < 86400 => seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 ? Invariant($"0 0 */{seconds / 3600} * * *") : null,
            86400 => "0 0 0 * * *",
            _ => null,
        };
    }

    /// <summary>
    /// A configured cron expression as Cronos reads it. Five fields are standard cron. Six fields (seconds first, as
    /// <c>0 0 9 ? * MON</c>) are the form this setting has always had, Quartz's: there a day of the week counts 1 (SUN)
    /// to 7 (SAT) where Cronos counts 0 to 6, so numbers in that field are moved down by one (names, <c>?</c>,
    /// <c>L</c>, <c>#</c> and steps mean the same in both). Throws <see cref="FormatException"/> for another number of fields.
    /// </summary>
    public static string ToCronos(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (fields.Length)
        {
            case 5:
                return string.Join(' ', fields);
            case 6:
                fields[5] = QuartzDayNumber().Replace(fields[5], m => Invariant($"{int.Parse(m.ValueSpan, CultureInfo.InvariantCulture) - 1}"));
                return string.Join(' ', fields);
            default:
                throw new FormatException($"'{expression}' has {fields.Length} fields; a cron expression has five, or six with seconds first (e.g. '0 0 9 ? * MON').");
        }
    }

    /// <summary>
    /// How often Hangfire's schedulers poll for <paramref name="schedules"/>: at most every 15 s (Hangfire's default),
    /// and at least twice per interval of the shortest cron-scheduled interval. The recurring-job scheduler enqueues a
    /// due job only when it polls, and folds occurrences missed between two polls into one run: at 15 s, a 2-second
    /// sweep would run every 15 s.
    /// </summary>
    public static TimeSpan PollingInterval(IEnumerable<JobSchedule> schedules)
    {
        var polling = TimeSpan.FromSeconds(15);
        foreach (var schedule in schedules)
        {
            if (schedule is { Interval: { } interval, IsTriggered: false } && interval / 2 < polling)
            {
                polling = interval / 2;
            }
        }

        return polling;
    }

    /// <summary>For people: <c>every 00:05:00 (cron '0 */5 * * * *' in UTC)</c>, <c>cron '0 0 9 ? * MON' in Europe/Berlin</c>.</summary>
    public string Describe() => Interval switch
    {
        null => $"cron '{Cron}' in {TimeZone.Id}",
        { } interval when IsTriggered => $"every {Format(interval)} (no cron says it: triggered one interval after the last run)",
        { } interval => $"every {Format(interval)} (cron '{Cron}' in {TimeZone.Id})",
    };

    public static string Format(TimeSpan interval) => interval.ToString("c", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // A day number (1-7) where a day stands: not the count after '#' nor a step after '/'.
    [GeneratedRegex(@"(?<![#/\d])[1-7](?!\d)")]
    private static partial Regex QuartzDayNumber();
}

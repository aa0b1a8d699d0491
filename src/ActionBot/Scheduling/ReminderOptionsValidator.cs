using ActionBot.Core.Reminders;
using Cronos;
using Microsoft.Extensions.Options;

namespace ActionBot.Scheduling;

/// <summary>What data annotations cannot check: the zone, days, hours and cron expression must parse. Each message names its key.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    private const string Prefix = ReminderOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{Prefix}TimeZone '{options.TimeZone}' is not a known time zone id (e.g. UTC, Europe/Berlin, America/New_York).");
        }

        Check(failures, "WorkingDays", () => WorkingSchedule.ParseDays(options.WorkingDays ?? ""));
        Check(failures, "WorkingHours", () => WorkingSchedule.ParseHours(options.WorkingHours ?? ""));
        if (options.DigestEnabled)
        {
            Check(failures, "DigestCron", () => ParseCron(options.DigestCron!));
        }

        foreach (var (priority, days) in options.DueDaysByPriority.Where(p => p.Value is < 1 or > 3650))
        {
            failures.Add($"{Prefix}DueDaysByPriority:{priority} must be between 1 and 3650, not {days}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // As Hangfire parses it (it carries this Cronos inside): six fields with seconds, or five.
    private static void ParseCron(string expression)
    {
        var cron = JobSchedule.ToCronos(expression);
        CronExpression.Parse(cron, cron.Split(' ').Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    private static void Check(List<string> failures, string key, Action parse)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            failures.Add($"{Prefix}{key}: {e.Message}");
        }
    }
}

namespace ActionBot.GitHub.Api;

/// <summary>
/// How fast content-creating requests can go: GitHub's secondary rate limits allow at most 80 a minute and 500 an hour
/// (docs.github.com, "Rate limits for the REST API"), and the bot leaves <see cref="GitHubOptions.MinimumWriteInterval"/>
/// between two. For estimates of long runs (<c>backfill</c>); the handler chain enforces the limits that GitHub answers.
/// </summary>
public static class GitHubWritePace
{
    public const int PerMinute = 80;
    public const int PerHour = 500;

    /// <summary>The earliest time, from the start of a run, at which its write number <paramref name="index"/> (from 0) can be sent.</summary>
    public static TimeSpan EarliestStart(int index, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var inHour = index % PerHour;
        var withinHour = TimeSpan.FromMinutes(inHour / PerMinute);
        var spaced = interval * inHour;
        return TimeSpan.FromHours(index / PerHour) + (spaced > withinHour ? spaced : withinHour);
    }

    /// <summary>Time left for <paramref name="left"/> more writes after <paramref name="done"/>, <paramref name="elapsed"/> into the run.</summary>
    public static TimeSpan TimeLeft(int done, int left, TimeSpan elapsed, TimeSpan interval)
    {
        if (left <= 0)
        {
            return TimeSpan.Zero;
        }

        var last = EarliestStart(done + left - 1, interval) - elapsed;
        var spaced = interval * (left - 1);
        return last > spaced ? last : spaced;
    }
}

using System.Globalization;

namespace ActionBot.Cli.Backfill;

/// <summary>Text from postmortems and GitHub as a terminal shows it: one line, no control characters (no ANSI escapes).</summary>
internal static class CliText
{
    public static string Clean(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    /// <summary>A duration as people say it: "40 s", "12 min", "1 h 7 min".</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 90 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)Math.Ceiling(duration.TotalSeconds))} s"),
        { TotalMinutes: < 90 } => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(duration.TotalMinutes)} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes} min"),
    };

    public static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}

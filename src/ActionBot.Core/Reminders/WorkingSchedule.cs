using System.Globalization;

namespace ActionBot.Core.Reminders;

/// <summary>Parses <c>Reminders:WorkingDays</c> (<c>Mon-Fri</c>, <c>Mon,Wed,Fri</c>, <c>Sun-Thu</c>) and <c>Reminders:WorkingHours</c> (<c>09:00-18:00</c>, <c>00:00-24:00</c>).</summary>
public static class WorkingSchedule
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The days named; a range wraps around the week end (<c>Sat-Mon</c>). Throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlySet<DayOfWeek> ParseDays(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2)
            {
                throw new FormatException($"'{part}' is not a day or a range of days such as Mon-Fri.");
            }

            var first = Day(range[0]);
            var last = Day(range[^1]);
            for (var day = first; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days.Count == 0 ? throw new FormatException("No working day is named.") : days;
    }

    /// <summary>Start and length of the daily window; the end may be <c>24:00</c>. Throws <see cref="FormatException"/> on anything else.</summary>
    public static (TimeOnly Start, TimeSpan Length) ParseHours(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"'{text}' is not a range of hours such as 09:00-18:00.");
        }

        var start = Time(parts[0]);
        var end = Time(parts[1]);
        return start < end ? (TimeOnly.FromTimeSpan(start), end - start) : throw new FormatException($"In '{text}' the end is not after the start.");
    }

    private static int Day(string name)
    {
        var index = name.Length >= 3 ? Array.IndexOf(DayNames, name[..3].ToLowerInvariant()) : -1;
        var full = index >= 0 && CultureInfo.InvariantCulture.DateTimeFormat.DayNames[index].StartsWith(name, StringComparison.OrdinalIgnoreCase);
        return full ? index : throw new FormatException($"'{name}' is not a day of the week (Mon, Tue, ... Sun).");
    }

    private static TimeSpan Time(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromDays(1);
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : throw new FormatException($"'{text}' is not a time of day such as 09:00.");
    }
}

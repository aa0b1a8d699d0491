using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// Reads dates the way a person writes them: ISO (2024-03-03), "March 3, 2024", "3 March 2024".
/// Numeric forms such as 3/4/2024 are left unparsed: month and day cannot be told apart.
/// </summary>
public static partial class DueDateParser
{
    internal const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    internal const string AnyDate =
        @"(?<iso>(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2}))" +
        @"|(?<mdy>(?<mon>" + Months + @")\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>\d{4}))" +
        @"|(?<dmy>(?<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon3>" + Months + @")\.?,?\s+(?<y3>\d{4}))";

    [GeneratedRegex(@"(?<![\w-])(?:" + AnyDate + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:due(?:\s+date)?|by|deadline|eta|target(?:\s+date)?|before|no\s+later\s+than|until)\s*(?:[:=\-–]\s*|on\s+)?(?:" + AnyDate + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueAnnotation();

    [GeneratedRegex(@"\b(?:due|by|deadline|eta)\s*[:\-]?\s*\d{1,2}/\d{1,2}/\d{2,4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmbiguousDue();

    // "(Due: March 30)", "deadline 5 April": a day and month with no year after it.
    [GeneratedRegex(@"\b(?:due(?:\s+date)?|deadline|eta|target(?:\s+date)?)\s*(?:[:=\-–]\s*|on\s+|by\s+)?(?:(?<mon>" + Months + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Months + @"))\b(?!,?\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueWithoutYear();

    /// <summary>A day and month announced as due, without a year ("Due: March 30"), for field notes.</summary>
    internal const string DayAndMonth = @"(?:(?:" + Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + Months + @"))";

    /// <summary>
    /// A due date written without its year ("(Due: March 30)"): the first such day on or after <paramref name="written"/>,
    /// the postmortem's own date, as its readers understood it.
    /// </summary>
    public static DateOnly? ParseDueWithoutYear(string text, DateOnly written)
    {
        if (!text.Contains("due", StringComparison.OrdinalIgnoreCase) && !text.Contains("deadline", StringComparison.OrdinalIgnoreCase)
            && !text.Contains("eta", StringComparison.OrdinalIgnoreCase) && !text.Contains("target", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = DueWithoutYear().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = int.Parse(MonthNumber(match.Groups["mon"].Value), CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        for (var year = written.Year; year <= written.Year + 4; year++)
        {
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date >= written)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The due date an entry's text announces ("by March 3, 2024", "Due: 2024-03-03").</summary>
    public static DateOnly? ParseDue(string text) => HasYear(text) ? First(DueAnnotation().Matches(text)) : null;

    /// <summary>True when the text gives a due date only in a form that cannot be read safely.</summary>
    public static bool HasAmbiguousDue(string text) => text.Contains('/', StringComparison.Ordinal) && AmbiguousDue().IsMatch(text);

    /// <summary>A date anywhere in the text (a table cell, a title, a "Date:" line).</summary>
    public static DateOnly? ParseAny(string? text) => text is null || !HasYear(text) ? null : First(Date().Matches(text));

    // Every date we read has a four-digit year; text without four digits in a row needs no regex.
    private static bool HasYear(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly? First(MatchCollection matches)
    {
        foreach (Match match in matches)
        {
            if (ToDate(match) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? ToDate(Match m)
    {
        var (year, month, day) =
            m.Groups["iso"].Success ? (m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value)
            : m.Groups["mdy"].Success ? (m.Groups["y2"].Value, MonthNumber(m.Groups["mon"].Value), m.Groups["d2"].Value)
            : (m.Groups["y3"].Value, MonthNumber(m.Groups["mon3"].Value), m.Groups["d3"].Value);
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is >= 1970 and <= 2200 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? new DateOnly(y, mo, d)
            : null;
    }

    private static string MonthNumber(string name)
    {
        var index = Array.FindIndex(MonthPrefixes, p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
}

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

        var month = MonthOf(match.Groups["mon"].ValueSpan);
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
    public static DateOnly? ParseDue(string text)
    {
        if (!HasYear(text))
        {
            return null;
        }

        foreach (var announced in DueAnnotation().EnumerateMatches(text))
        {
            if (ToDate(text.AsSpan(announced.Index, announced.Length)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>True when the text gives a due date only in a form that cannot be read safely.</summary>
    public static bool HasAmbiguousDue(string text) => text.Contains('/', StringComparison.Ordinal) && AmbiguousDue().IsMatch(text);

    /// <summary>A date anywhere in the text (a table cell, a title, a "Date:" line).</summary>
    public static DateOnly? ParseAny(string? text)
    {
        if (text is null || !HasYear(text))
        {
            return null;
        }

        foreach (var found in Date().EnumerateMatches(text))
        {
            if (ToDate(text.AsSpan(found.Index, found.Length)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

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

    // A match of AnyDate, or of an announcement ending with one ("due: 3rd of March 2024"), read without the regex's
    // groups (enumerating matches allocates nothing, and entries are read by the thousand). The first digits are the
    // ISO year when a separator follows four of them; else they are the day, the first word naming a month is the month
    // ("3rd of March": not "rd", not "of"; no word of an announcement names one) and the last four digits the year.
    private static DateOnly? ToDate(ReadOnlySpan<char> match)
    {
        var digits = match[match.IndexOfAnyInRange('0', '9')..];
        var run = digits.IndexOfAnyExceptInRange('0', '9');
        int year, month, day;
        if (run == 4)
        {
            var rest = digits[5..];
            var monthLength = rest.IndexOfAnyExceptInRange('0', '9');
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
            month = int.Parse(rest[..monthLength], CultureInfo.InvariantCulture);
            day = int.Parse(rest[(monthLength + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            day = int.Parse(digits[..run], CultureInfo.InvariantCulture);
            year = int.Parse(match[^4..], CultureInfo.InvariantCulture);
            month = MonthOf(match);
        }

        return year is >= 1970 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    // The number of the first word that names a month (0 when none does).
    private static int MonthOf(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && char.IsAsciiLetter(text[i - 1])))
            {
                continue;
            }

            for (var month = 0; month < MonthPrefixes.Length; month++)
            {
                if (text[i..].StartsWith(MonthPrefixes[month], StringComparison.OrdinalIgnoreCase))
                {
                    return month + 1;
                }
            }
        }

        return 0;
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
}

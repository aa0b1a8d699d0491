using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>Reads a priority: P0–P4 as written, or critical / high / medium / low in lower case.</summary>
public static partial class PriorityParser
{
    [GeneratedRegex(@"(?<![\w-])[Pp]([0-4])(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\b(?:priority|prio)\s*[:=\-–]?\s*(critical|urgent|high|medium|med|normal|low)\b|\b(critical|urgent|high|medium|low)[\s-]+priority\b|[\(\[](critical|urgent|high|medium|low)[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Worded();

    /// <summary>The priority an entry's text announces, or null.</summary>
    public static string? Parse(string text)
    {
        if (!MayNamePriority(text))
        {
            return null;
        }

        var numbered = Numbered().Match(text);
        if (numbered.Success)
        {
            return "P" + numbered.Groups[1].Value;
        }

        var worded = Worded().Match(text);
        return worded.Success ? Normalize(FirstSuccessful(worded)) : null;
    }

    /// <summary>A priority cell or value that holds only the priority ("High", "p2", "1").</summary>
    public static string? ParseValue(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 1 && trimmed[0] is >= '0' and <= '4')
        {
            return "P" + trimmed;
        }

        return Parse(trimmed) ?? Normalize(trimmed);
    }

    private static readonly string[] PriorityWords = ["prio", "critical", "urgent", "high", "medium", "low"];

    private static bool MayNamePriority(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] is 'P' or 'p' && text[i + 1] is >= '0' and <= '4')
            {
                return true;
            }
        }

        return PriorityWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstSuccessful(Match match) =>
        match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;

    private static string? Normalize(string word) => word.ToUpperInvariant() switch
    {
        "CRITICAL" or "URGENT" => "critical",
        "HIGH" => "high",
        "MEDIUM" or "MED" or "NORMAL" => "medium",
        "LOW" => "low",
        _ => null,
    };
}

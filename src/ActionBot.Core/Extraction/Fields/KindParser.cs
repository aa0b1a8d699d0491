using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>Reads the kind of a task where the entry says it: a tag "[preventive]", "Type: corrective", a column.</summary>
public static partial class KindParser
{
    [GeneratedRegex(@"[\(\[]\s*(?:type\s*:\s*)?(?<kind>corrective|correction|preventive|preventative|prevention|prevent|mitigation|mitigate)\s*[\)\]]|\b(?:type|kind)\s*:\s*(?<kind>corrective|preventive|preventative|prevention|prevent|mitigation|mitigate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static ActionItemKind? Parse(string text)
    {
        if (!KindWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var match = Tag().Match(text);
        return match.Success ? ParseValue(match.Groups["kind"].Value) : null;
    }

    private static readonly string[] KindWords = ["prevent", "correct", "mitigat"];

    /// <summary>A cell or value that holds only the kind ("Prevent", "corrective", "mitigate").</summary>
    public static ActionItemKind? ParseValue(string? value)
    {
        var word = value?.Trim().ToLowerInvariant() ?? string.Empty;
        if (word.StartsWith("prevent", StringComparison.Ordinal))
        {
            return ActionItemKind.Preventative;
        }

        return word.StartsWith("correct", StringComparison.Ordinal) || word.StartsWith("mitigat", StringComparison.Ordinal) || word is "fix" or "repair"
            ? ActionItemKind.Corrective
            : null;
    }
}

using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>Finds who owns a task: <c>@login</c> mentions and <c>Owner: name</c> annotations.</summary>
public static partial class OwnerParser
{
    // Not preceded by a word character, dot or @, so e-mail addresses are not mentions.
    [GeneratedRegex(@"(?<![\w.@/])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w@])", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\b(?:owners?|assignees?|assigned\s+to|responsible|dri|poc)\s*[:=\-–]\s*(?<names>[^;()\[\]|\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();

    // Where a list of names stops: a following annotation such as "due", "by" or "priority".
    [GeneratedRegex(@"\s*(?:,\s*)?\b(?:due|by|deadline|eta|priority|prio|status|target)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAnnotation();

    [GeneratedRegex(@"\s*(?:,|&|/|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    private static readonly HashSet<string> NotPeople = new(StringComparer.OrdinalIgnoreCase) { "everyone", "here", "channel", "tbd", "tba", "none", "n/a", "unassigned", "unknown", "?" };

    public static IReadOnlyList<string> Parse(string text)
    {
        var owners = new List<string>();
        if (!MayNameOwner(text))
        {
            return owners;
        }

        foreach (Match match in Annotation().Matches(text))
        {
            AddNames(owners, TrailingAnnotation().Replace(match.Groups["names"].Value, string.Empty));
        }

        foreach (var mention in Mention().EnumerateMatches(text))
        {
            // The match is "@login": the login follows the @.
            Add(owners, text.Substring(mention.Index + 1, mention.Length - 1));
        }

        return owners;
    }

    // Cheap test first: most entries name nobody, and the regexes need not run on them.
    private static bool MayNameOwner(string text) =>
        text.Contains('@', StringComparison.Ordinal) || OwnerWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] OwnerWords = ["owner", "assign", "responsible", "dri", "poc"];

    /// <summary>Names in a table cell or front-matter value: "alice, @bob and Carol Diaz".</summary>
    public static IReadOnlyList<string> ParseList(string? value)
    {
        var owners = new List<string>();
        if (!string.IsNullOrWhiteSpace(value))
        {
            AddNames(owners, value);
        }

        return owners;
    }

    private static void AddNames(List<string> owners, string names)
    {
        foreach (var part in NameSeparator().Split(names))
        {
            var name = part.Trim().TrimEnd('.', ':').TrimStart('@').Trim();
            // More than four words is a sentence, not a name.
            if (name.Length > 0 && name.Length <= 60 && name.AsSpan().Count(' ') <= 3)
            {
                Add(owners, name);
            }
        }
    }

    private static void Add(List<string> owners, string name)
    {
        if (!NotPeople.Contains(name) && !owners.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            owners.Add(name);
        }
    }
}

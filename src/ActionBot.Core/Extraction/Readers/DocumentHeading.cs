using System.Text.RegularExpressions;
using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>Finds a postmortem's own title and date among its first headings and lines.</summary>
internal static partial class DocumentHeading
{
    private const int HeadingsToConsider = 4;
    private const int LeadingTextToSearch = 3_000;

    [GeneratedRegex(@"^(?:post[\s-]?mortem|incident(?:\s+(?:report|review|post[\s-]?mortem))?|rca|retrospective|outage(?:\s+report)?)(?:\s+report)?\s*[:\-–—]\s*(?<title>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedTitle();

    [GeneratedRegex(@"\b(?:date|incident\s+date|occurred(?:\s+on)?|when)\s*[:\-–]\s*(?<rest>.{0,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLabel();

    private static readonly HashSet<string> GenericWords = ["postmortem", "post", "mortem", "report", "incident", "the", "a", "an", "my", "our", "first", "analysis", "review", "rca", "retrospective", "document", "template"];

    /// <summary>"Postmortem: Cache outage" gives "Cache outage"; a generic "# Postmortem" yields to a better heading.</summary>
    public static string? Title(IReadOnlyList<(int Level, string Text)> headings)
    {
        var first = headings.Take(HeadingsToConsider).ToList();
        foreach (var (_, text) in first)
        {
            if (PrefixedTitle().Match(text) is { Success: true } match)
            {
                return match.Groups["title"].Value.Trim();
            }
        }

        var h1 = first.FirstOrDefault(h => h.Level == 1).Text;
        if (h1 is not null && !IsGeneric(h1))
        {
            return h1;
        }

        var specific = first.FirstOrDefault(h => !IsGeneric(h.Text) && SectionVocabulary.Classify(h.Text) == SectionRole.Neutral).Text;
        return specific ?? h1 ?? first.FirstOrDefault().Text;
    }

    /// <summary>
    /// A postmortem typed without headings names itself on its first line ("Vault unseal failure after host reboot",
    /// "{ Incident Postmortem: Checkout outage }"): that line, when it is short and not a sentence.
    /// </summary>
    public static string? FirstLineTitle(string markdown)
    {
        var start = 0;
        while (start < markdown.Length && char.IsWhiteSpace(markdown[start]))
        {
            start++;
        }

        var end = markdown.IndexOfAny(['\r', '\n'], start);
        var line = markdown[start..(end < 0 ? markdown.Length : end)].Trim().Trim('#', '*', '_', '{', '}', '[', ']', '=', ' ');
        if (line.Length == 0 || line.Length > MaxFirstLineTitleLength || line.EndsWith('.') || line.EndsWith(':') || line.Contains("://", StringComparison.Ordinal)
            || line.StartsWith('<') || !line.Any(char.IsLetter))
        {
            return null;
        }

        // An e-mail's "Subject: VPN outage" names the postmortem after its key.
        line = line.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase) ? line["Subject:".Length..].Trim() : line;
        return PrefixedTitle().Match(line) is { Success: true } match ? match.Groups["title"].Value.Trim() : line;
    }

    private const int MaxFirstLineTitleLength = 100;

    /// <summary>The date in the title, else a "Date:" line or the first date before the first section of tasks.</summary>
    public static DateOnly? Date(string? title, string markdown, int? firstTaskSectionLine)
    {
        if (DueDateParser.ParseAny(title) is { } fromTitle)
        {
            return fromTitle;
        }

        var lead = Lead(markdown, firstTaskSectionLine);
        foreach (Match label in DateLabel().Matches(lead))
        {
            if (DueDateParser.ParseAny(label.Groups["rest"].Value) is { } labelled)
            {
                return labelled;
            }
        }

        return DueDateParser.ParseAny(lead);
    }

    private static string Lead(string markdown, int? stopLine)
    {
        var end = Math.Min(markdown.Length, LeadingTextToSearch);
        if (stopLine is { } stop)
        {
            var offset = 0;
            for (var line = 1; line < stop && offset >= 0 && offset < end; line++)
            {
                offset = markdown.IndexOf('\n', offset) is var next and >= 0 ? next + 1 : -1;
            }

            end = offset >= 0 ? Math.Min(end, offset) : end;
        }

        return markdown[..end];
    }

    private static bool IsGeneric(string heading) =>
        SectionVocabulary.Normalize(heading).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(GenericWords.Contains);

    /// <summary>
    /// A heading that titles a postmortem ("Postmortem: Cache outage", "My first postmortem", "0. Incident report"): met
    /// after other sections, it starts the postmortem proper, and what stood before it (a README's own "Tasks") is not its.
    /// </summary>
    public static bool IsPostmortemTitle(string text)
    {
        if (!text.Contains("mortem", StringComparison.OrdinalIgnoreCase) && !text.Contains("incident report", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = SectionVocabulary.Normalize(text);
        var namesOne = words.Contains(" postmortem ", StringComparison.Ordinal) || words.Contains(" post mortem ", StringComparison.Ordinal)
            || words.Contains(" incident report ", StringComparison.Ordinal);
        return namesOne && (PrefixedTitle().IsMatch(text)
            || words.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => GenericWords.Contains(w) || w.All(char.IsAsciiDigit)));
    }

    /// <summary>A first-level heading that names the document ("Incident follow-up: DNS outage") rather than a section.</summary>
    public static bool IsDocumentTitle(int level, string text, bool isFirstHeading) =>
        isFirstHeading && level == 1 && ((text.AsSpan().Count(' ') + 1) > 5 || text.Contains(':', StringComparison.Ordinal) || IsGeneric(text)
            || SectionVocabulary.Classify(text) != SectionRole.Tasks);
}

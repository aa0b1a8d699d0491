using System.Text.RegularExpressions;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// A run of a paragraph's lines, and the label that opened it, if any. A label with text on its own line
/// ("**Root Cause:** The cache...") is <see cref="Scoped"/>: it covers only that paragraph.
/// </summary>
internal sealed record ParagraphSegment(string? Label, bool Scoped, IReadOnlyList<TextLine> Lines, string? LeadIn);

/// <summary>
/// Finds the labels that work like headings inside a paragraph: a bold paragraph, a short line ending in a colon
/// ("Improvements:"), a short line whose words name a section ("ACTION ITEMS", "Tasks") on its own line anywhere in
/// the paragraph, or a section name glued to the sentence before it ("... restarting apache2. Corrective measures: ...").
/// </summary>
internal static partial class ParagraphLabel
{
    private const int MaxColonLabelWords = 8;
    private const int MaxPlainHeadingWords = 6;

    [GeneratedRegex(@"(?<=[.!?]\s+)(?<label>[A-Z][\w'’/&-]*(?:\s+[\w'’/&-]+){0,5}):\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineLabel();

    public static List<ParagraphSegment> Split(PlainParagraph paragraph)
    {
        var lines = paragraph.Lines.All(l => l.Text.Length > 0) ? paragraph.Lines : [.. paragraph.Lines.Where(l => l.Text.Length > 0)];
        var segments = new List<ParagraphSegment>();
        if (lines.Count == 0)
        {
            return segments;
        }

        var first = lines[0].Text;
        if (paragraph.LeadIn is { } leadIn && first.StartsWith(leadIn, StringComparison.Ordinal))
        {
            if (first.Length > leadIn.Length)
            {
                // "**Remediation:** we will..." names a section for its own text; any other bold lead-in opens an entry.
                var named = SectionVocabulary.Classify(leadIn) != SectionRole.Neutral;
                var rest = new TextLine(first[leadIn.Length..].Trim(), lines[0].Line);
                var scoped = named && !lines[^1].Text.EndsWith(':');
                segments.Add(new ParagraphSegment(named ? Clean(leadIn) : null, scoped, [rest, .. lines.Skip(1)], named ? null : leadIn));
                return segments;
            }

            segments.Add(new ParagraphSegment(Clean(leadIn), false, [], null));
            lines = [.. lines.Skip(1)];
        }

        SplitAtLabelLines(lines, segments);
        return segments;
    }

    /// <summary>
    /// A line that is only a label: "Improvements:", "Next steps:", "TODO", "Corrective and preventative measures",
    /// "###Prevention" (a heading typed without its space). A requirement ("Measures must contain:") names no section.
    /// </summary>
    public static bool IsLabelLine(string line)
    {
        line = line.TrimStart('#');
        if (line.Length == 0 || Requirement().IsMatch(line))
        {
            return false;
        }

        var words = line.AsSpan().Count(' ') + 1;
        if (line.EndsWith(':'))
        {
            return words <= MaxColonLabelWords && !line.Contains(", ", StringComparison.Ordinal) && !line.Contains(". ", StringComparison.Ordinal)
                && !IntroductionWordLookup.Contains(FirstWord(line).TrimEnd(':'));
        }

        return words <= MaxPlainHeadingWords && !EndsLikeSentence(line) && SectionVocabulary.Classify(line) != SectionRole.Neutral;
    }

    public static string Clean(string label) => label.Trim().TrimStart('#').TrimEnd(':', ';').TrimEnd();

    [GeneratedRegex(@"\b(?:must|should|shall|needs?\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Requirement();

    private static void SplitAtLabelLines(IReadOnlyList<TextLine> lines, List<ParagraphSegment> segments)
    {
        var current = new List<TextLine>();
        string? label = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            var boundary = i == 0 || (char.IsUpper(text[0]) && (EndsLikeSentence(lines[i - 1].Text) || lines[i - 1].Text.EndsWith(':') || IsLabelLine(lines[i - 1].Text)));
            if (boundary && (IsLabelLine(text) || (i == 0 && TitlesMarkedLines(lines))))
            {
                Flush(segments, label, current);
                (label, current) = (Clean(text), []);
                continue;
            }

            // "... restarting apache2. Corrective and preventative measures: Setting files should ..."
            if (InlineLabelAt(text) is { } inline)
            {
                current.Add(new TextLine(text[..inline.Index].TrimEnd(), lines[i].Line));
                Flush(segments, label, current);
                (label, current) = (inline.Groups["label"].Value, [new TextLine(text[(inline.Index + inline.Length)..], lines[i].Line)]);
                continue;
            }

            current.Add(lines[i]);
        }

        Flush(segments, label, current);
    }

    // "Longer term" over "1, Replace..." / "2, Publish...": a short title line over lines that each open with a marker.
    private static bool TitlesMarkedLines(IReadOnlyList<TextLine> lines) =>
        lines.Count > 1 && (lines[0].Text.AsSpan().Count(' ') + 1) <= MaxPlainHeadingWords && char.IsUpper(lines[0].Text[0]) && !EndsLikeSentence(lines[0].Text)
        && ListMarker.PlainLength(lines[0].Text) == 0 && lines.Skip(1).All(l => ListMarker.PlainLength(l.Text) > 0);

    private static Match? InlineLabelAt(string text)
    {
        if (!text.Contains(": ", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (Match match in InlineLabel().Matches(text))
        {
            if (SectionVocabulary.Classify(match.Groups["label"].Value) is SectionRole.Tasks or SectionRole.Prospective)
            {
                return match;
            }
        }

        return null;
    }

    private static void Flush(List<ParagraphSegment> segments, string? label, List<TextLine> lines)
    {
        if (label is not null || lines.Count > 0)
        {
            segments.Add(new ParagraphSegment(label, false, lines, null));
        }
    }

    // "We are working on the following:" introduces a list; a label names it ("Next steps:").
    private static readonly HashSet<string> IntroductionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "i", "our", "you", "they", "here", "these", "this", "that", "the", "below", "following", "there",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IntroductionWordLookup = IntroductionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static ReadOnlySpan<char> FirstWord(string line) => line.AsSpan(0, line.IndexOf(' ') is var space and >= 0 ? space : line.Length);

    private static bool EndsLikeSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or ',' or ';' or ')';
}

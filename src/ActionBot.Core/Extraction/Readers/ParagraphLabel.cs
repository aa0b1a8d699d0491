using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>A paragraph that works like a heading, and what followed the label in the same paragraph.</summary>
internal sealed record ParagraphLabel(string Label, IReadOnlyList<TextLine> Rest)
{
    private const int MaxColonLabelWords = 8;
    private const int MaxPlainHeadingWords = 6;

    /// <summary>
    /// A paragraph that is only bold text, a short line ending in a colon ("Improvements:"), or a short line
    /// whose words name a section ("ACTION ITEMS"); the label may be followed by lines of its own.
    /// </summary>
    public static ParagraphLabel? Read(PlainParagraph paragraph)
    {
        var lines = paragraph.Lines.All(l => l.Text.Length > 0) ? paragraph.Lines : paragraph.Lines.Where(l => l.Text.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var first = lines[0].Text;
        if (paragraph.LeadIn is { } leadIn && first.StartsWith(leadIn, StringComparison.Ordinal))
        {
            if (first.Length == leadIn.Length)
            {
                return new ParagraphLabel(Clean(leadIn), lines.Skip(1).ToList());
            }

            // "**Remediation:** we will..." — a label that names a section, with its text after it.
            if (SectionVocabulary.Classify(leadIn) != SectionRole.Neutral)
            {
                var rest = new TextLine(first[leadIn.Length..].Trim(), lines[0].Line);
                return new ParagraphLabel(Clean(leadIn), [rest, .. lines.Skip(1)]);
            }

            return null;
        }

        return IsLabelLine(first) ? new ParagraphLabel(Clean(first), lines.Skip(1).ToList()) : null;
    }

    private static bool IsLabelLine(string line)
    {
        var words = line.Split(' ').Length;
        if (line.EndsWith(':'))
        {
            return words <= MaxColonLabelWords && !line.Contains(", ", StringComparison.Ordinal) && !line.Contains(". ", StringComparison.Ordinal)
                && !IntroductionWords.Contains(line.Split(' ')[0].TrimEnd(':'));
        }

        return words <= MaxPlainHeadingWords && !EndsLikeSentence(line) && SectionVocabulary.Classify(line) != SectionRole.Neutral;
    }

    // "We are working on the following:" introduces a list; a label names it ("Next steps:").
    private static readonly HashSet<string> IntroductionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "i", "our", "you", "they", "here", "these", "this", "that", "the", "below", "following", "there",
    };

    private static bool EndsLikeSentence(string line) => line[^1] is '.' or '!' or '?' or ',' or ';' or ')';

    private static string Clean(string label) => label.Trim().TrimEnd(':').TrimEnd();
}

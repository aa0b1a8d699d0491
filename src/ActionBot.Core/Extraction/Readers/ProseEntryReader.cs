using System.Text.RegularExpressions;
using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>
/// Reads tasks out of prose: one task per sentence that commits to work ("We will add alerting on replication lag.",
/// "Back-up systems should be implemented.", "The team is migrating...", "Document the failover."). A sentence that
/// only elaborates the task before it ("This will let us...", "...are working to build these patterns") stays with
/// it; a sentence that holds two steps ("...and subsequently transfer the funds") is two tasks.
/// </summary>
/// <summary>Which commitments count in a stretch of prose.</summary>
internal enum ProseReading
{
    /// <summary>Any commitment, instructions too: the prose is the section's content.</summary>
    Any,

    /// <summary>Only commitments with a subject: the prose stands beside a list.</summary>
    WithSubject,

    /// <summary>Only the writers' own commitments: the prose stands outside any section of tasks.</summary>
    ByTeam,
}

internal static partial class ProseEntryReader
{
    private const int MinWords = 3;

    // "..., and then migrate...", "... and subsequently transfer ...": a second step in the same sentence.
    [GeneratedRegex(@",?\s+(?:and\s+)?(?:then|subsequently|afterwards|later|finally|thereafter)\s+(?<verb>[a-z][\w-]*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NextStep();

    /// <param name="reading">
    /// Beside a list, prose is mostly introduction and closing remarks: only sentences in which someone commits to work
    /// ("We will also...") count there, not bare instructions. Outside any section of tasks, only the writers' own
    /// commitments count ("The team will...", not "the timelord is working on another chain").
    /// </param>
    public static void Read(IReadOnlyList<TextLine> lines, SectionContext section, int scope, List<EntryDraft> drafts, ProseReading reading)
    {
        var last = -1;
        foreach (var (sentence, line) in Sentences(lines))
        {
            var commitment = Phrasing.FindCommitment(sentence);
            var counts = commitment is { } c && reading switch
                {
                    ProseReading.Any => true,
                    ProseReading.WithSubject => c.WithSubject,
                    _ => c.ByTeam,
                }
                && (sentence.AsSpan().Count(' ') + 1) >= MinWords && !sentence.EndsWith('?') && !sentence.EndsWith(':');
            if (last >= 0 && (counts ? commitment!.Value.RefersBack : Elaborates(sentence)))
            {
                drafts[last] = drafts[last] with { Text = $"{drafts[last].Text} {sentence}" };
                continue;
            }

            if (!counts)
            {
                last = -1;
                continue;
            }

            foreach (var task in Steps(sentence[commitment!.Value.Start..]))
            {
                drafts.Add(new EntryDraft(task, line, section) { Origin = EntryOrigin.Prose, Scope = scope });
            }

            last = drafts.Count - 1;
        }
    }

    // "This will help us...", "These audits will...", "It needs a new dashboard": it says more about the task before.
    private static bool Elaborates(string sentence)
    {
        var space = sentence.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && sentence[..space] is "This" or "These" or "That" or "Those" or "It" or "Such" or "Doing" && !Phrasing.IsClosingRemark(sentence);
    }

    private static IEnumerable<string> Steps(string sentence)
    {
        var split = NextStep().Match(sentence);
        if (split.Success && split.Index > 0 && Verbs.IsAction(split.Groups["verb"].Value))
        {
            var second = sentence[split.Index..].TrimStart(',', ' ');
            return [sentence[..split.Index].TrimEnd(',', ' '), second.StartsWith("and ", StringComparison.Ordinal) ? second[4..] : second];
        }

        // "We will pin the windows to UTC, and the network team is going to review...": a second subject commits too.
        foreach (Match clause in SecondClause().Matches(sentence))
        {
            var rest = sentence[(clause.Index + clause.Length)..];
            if (Phrasing.FindCommitment(rest) is { WithSubject: true, Start: 0 })
            {
                // "The procedure differs per system; Apple keys are being rotated": only the clause that commits is a task.
                var first = sentence[..clause.Index];
                return Phrasing.FindCommitment(first) is null ? [rest] : [first, rest];
            }
        }

        return [sentence];
    }

    [GeneratedRegex(@"(?:,\s*and|;)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SecondClause();

    // Sentences may run across the source lines of a wrapped paragraph: split the joined text, keep each start line.
    private static IEnumerable<(string Sentence, int Line)> Sentences(IReadOnlyList<TextLine> lines)
    {
        var text = string.Join(' ', lines.Select(l => l.Text));
        var starts = new int[lines.Count];
        for (int i = 1; i < lines.Count; i++)
        {
            starts[i] = starts[i - 1] + lines[i - 1].Text.Length + 1;
        }

        var offset = 0;
        var index = 0;
        while (offset < text.Length)
        {
            var length = TitleSplitter.FirstSentenceEnd(text.AsSpan(offset));
            var sentence = text.Substring(offset, length).Trim();
            while (index + 1 < starts.Length && starts[index + 1] <= offset)
            {
                index++;
            }

            if (sentence.Length > 0)
            {
                yield return (sentence, lines[index].Line);
            }

            offset += Math.Max(length, 1);
        }
    }
}

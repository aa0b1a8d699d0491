namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// What may stand before the subject or verb of a sentence without changing what it commits to: "Finally,",
/// "Going forward", "Most importantly", "Until then,", "If the check fails again,".
/// </summary>
internal static class LeadingAdverbials
{
    private const int MaxLeadingClauseWords = 15;

    private static readonly HashSet<string> Adverbs =
    [
        "finally", "also", "additionally", "next", "then", "first", "firstly", "second", "secondly", "third", "thirdly", "lastly",
        "moreover", "furthermore", "meanwhile", "afterwards", "subsequently", "eventually", "ideally", "optionally", "importantly",
        "specifically", "long-term", "short-term", "longer-term", "plus", "and", "so", "now", "immediately", "separately", "likewise",
        "similarly", "hence", "therefore", "thus", "accordingly",
    ];

    // Multi-word lead-ins, checked whole so that "the" or "in" never counts alone.
    private static readonly string[][] Phrases =
    [
        ["going", "forward"], ["moving", "forward"], ["most", "importantly"], ["more", "importantly"], ["in", "the", "future"],
        ["in", "addition"], ["in", "the", "meantime"], ["in", "parallel"], ["for", "now"], ["until", "then"], ["from", "now", "on"],
        ["as", "a", "follow-up"], ["as", "a", "result"], ["long", "term"], ["short", "term"], ["longer", "term"], ["as", "well"],
    ];

    private static readonly HashSet<string> Subordinators =
    [
        "if", "when", "once", "until", "after", "before", "to", "as", "for", "in", "while", "since", "because", "with", "where",
        "whenever", "following", "given", "during", "upon", "unless", "should",
    ];

    /// <summary>The index of the first word after the lead-ins (0 when there are none).</summary>
    public static int Skip(SentenceWords words)
    {
        var at = 0;
        while (at < words.Count)
        {
            var phrase = PhraseLength(words, at);
            if (phrase > 0)
            {
                at += phrase;
            }
            else if (Adverbs.Contains(words[at]))
            {
                at++;
            }
            else if (at < words.Count && Subordinators.Contains(words[at]) && BreakWithin(words, at) is { } clauseEnd)
            {
                at = clauseEnd + 1;
                continue;
            }
            else
            {
                break;
            }

            if (words.IsBreak(at))
            {
                at++;
            }
        }

        return at;
    }

    private static int PhraseLength(SentenceWords words, int at)
    {
        foreach (var phrase in Phrases)
        {
            var matches = true;
            for (var k = 0; k < phrase.Length && matches; k++)
            {
                matches = words[at + k] == phrase[k];
            }

            if (matches)
            {
                return phrase.Length;
            }
        }

        return 0;
    }

    private static int? BreakWithin(SentenceWords words, int from)
    {
        for (var i = from + 1; i < words.Count && i <= from + MaxLeadingClauseWords; i++)
        {
            if (words.IsBreak(i))
            {
                return i + 1 < words.Count ? i : null;
            }
        }

        return null;
    }
}

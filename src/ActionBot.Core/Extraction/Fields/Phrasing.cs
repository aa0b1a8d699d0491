using System.Buffers;
using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>How an English sentence is phrased: as something done, as something to do, or as neither.</summary>
public static partial class Phrasing
{
    private const int MaxExclamationWords = 8;

    [GeneratedRegex(@"\b(?:will|shall|must|should|need\s+to|needs\s+to|have\s+to|has\s+to|going\s+to|plan\s+to|plans\s+to|intend\s+to|are\s+working\s+on|is\s+planned|are\s+planned|on\s+the\s+way|in\s+the\s+making|in\s+progress|to\s+be\s+\w+ed|we'll|we’ll|let's|let’s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureMarker();

    // Intentions that name no work anybody could finish; promises to the reader; the report itself ("we will be providing an
    // incident report", "we will update this post"): housekeeping of the write-up, not work on the system; and a state
    // "at time of writing", which reports where work stands.
    [GeneratedRegex(@"\b(?:continue\s+to\s+(?:monitor|watch|observe|learn|improve)|keep\s+(?:monitoring|an\s+eye|watching|learning)|learn\s+from|be\s+more\s+(?:careful|vigilant)|strive|do\s+(?:our|my)\s+best|stay\s+vigilant|always\s+looking\s+for\s+ways|(?:promise|assure|guarantee)\s+(?:you|our\s+(?:users|customers|readers))|(?:provid|publish|shar|writ|post)\w*\s+(?:[\w-]+\s+){0,3}(?:report|post-?mortem|write-?up)|at\s+(?:the\s+)?time\s+of\s+writing|update\s+this\s+(?:post|page|report|document|write-?up))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    // Closing words: "By implementing these measures, we aim to...", "In conclusion, ...", "This incident highlights...".
    [GeneratedRegex(@"^\W*(?:by\s+[a-z]+ing\b|in\s+conclusion\b|to\s+conclude\b|in\s+summary\b|to\s+sum\s+up\b|overall\b|all\s+in\s+all\b|(?:this|the)\s+(?:incident|outage|postmortem|post-mortem|experience|event)\s+(?:has\s+)?(?:highlight|underscore|taught|teach|show|remind|demonstrate|serve)|(?:these|the\s+above)\s+(?:measures|changes|steps|actions|improvements|tasks)\s+(?:will|should|are|aim)|with\s+these\s+(?:measures|changes|steps|actions|improvements)|thank)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    // "No further actions are needed.", "None.", "N/A": a section of tasks that says it has none.
    [GeneratedRegex(@"^\W*(?:no\s+(?:further\s+|additional\s+|other\s+|new\s+)?(?:action|actions|action\s+items?|follow[\s-]?ups?|tasks?|work|changes)\b|none\b|n/?a\b|nothing\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nothing();

    /// <summary>"Rolled back the deploy", "validators downgraded...", "Alerts were added": work already done.</summary>
    public static bool IsPastReport(string text)
    {
        // An instruction ("Add alerting...") reports nothing, unless its first word was a noun ("Cache key tests were added").
        if (!MayReport(text) || (StartsWithImperative(text) && !text.AsSpan(0, Math.Min(text.Length, 48)).ContainsAny(Auxiliaries)))
        {
            return false;
        }

        var judged = FirstSentence(Judged(text));
        var words = SentenceWords.Of(judged);
        return PastReports.IsReport(words) && Commitments.Find(words, StartsUpper(judged)) is null && !FutureMarker().IsMatch(text);
    }

    /// <summary>
    /// An open question ("Why did the alert not fire?") asks for an answer, not work; a suggestion phrased as a
    /// question ("Can we add retries?", "Should we page on lag?") is still a task.
    /// </summary>
    public static bool IsOpenQuestion(string text) =>
        text.TrimEnd().EndsWith('?') && QuestionWords.Contains(FirstWord(text));

    private static readonly HashSet<string> QuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "why", "what", "how", "when", "who", "where", "which", "did", "was", "were", "is", "are", "does", "do", "has", "have",
    };

    /// <summary>Phrased as something to do: an instruction, or a sentence that commits to work in any form.</summary>
    public static bool IsToDo(string text) => !IsClosingRemark(text) && (FutureMarker().IsMatch(text) || IsCommitment(FirstSentence(Judged(text))));

    /// <summary>A sentence of prose that commits to future work ("We will add...", "Alerts will be added...", "Add...").</summary>
    public static bool IsCommitment(string sentence) => FindCommitment(sentence) is not null;

    /// <summary>A commitment with a subject ("We will also...", "The team is migrating..."), not a bare instruction.</summary>
    public static bool IsExplicitCommitment(string sentence) => FindCommitment(sentence) is { WithSubject: true };

    /// <summary>Closing words of a section or document, never a task: "By implementing these measures, we aim to...".</summary>
    public static bool IsClosingRemark(string text) => Closing().IsMatch(text);

    /// <summary>"No further actions are needed", "None": a section of tasks that says it has none.</summary>
    public static bool IsNothingToDo(string text) => Nothing().IsMatch(text);

    internal static Commitment? FindCommitment(string sentence)
    {
        if (!MayCommit(sentence) || IsClosingRemark(sentence) || Vague().IsMatch(sentence))
        {
            return null;
        }

        return Commitments.Find(SentenceWords.Of(sentence), StartsUpper(sentence));
    }

    // Every form a commitment takes holds one of these, or opens with a verb, a lead-in or a clause; most prose holds none.
    private static readonly SearchValues<string> CommitmentMarkers = SearchValues.Create(
        [" will ", "'ll ", " shall ", " must ", " should ", " can ", " could ", " may ", " might ", "need to", "needs to", "have to",
         "has to", "going to", " plan", "intend", " aim", "suggest", "recommend", "propos", "advised", "let's", "let us", "like to",
         "planned", "upcoming", " next ", "future", "under way", "underway", " coming"],
        StringComparison.OrdinalIgnoreCase);

    // "is/are ...ing": work under way.
    private static readonly SearchValues<string> Progressive = SearchValues.Create([" is ", " are ", "'re ", " am "], StringComparison.OrdinalIgnoreCase);

    // The markers are ASCII, which keeps the search vectorized; a typographic apostrophe ("we’ll") is let through as is.
    private static bool MayCommit(string sentence)
    {
        var span = sentence.AsSpan();
        return span.ContainsAny(CommitmentMarkers) || span.Contains('’') || Verbs.OpensLikeTask(sentence)
            || (span.ContainsAny(Progressive) && span.Contains("ing", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly SearchValues<string> Auxiliaries = SearchValues.Create([" was ", " were ", " is ", " are ", " has ", " have ", " had ", " been "], StringComparison.OrdinalIgnoreCase);

    // A report holds a past form ("-ed", "was", "built"), a perfect ("have added") or a state ("now", "no longer").
    private static readonly SearchValues<string> ReportMarkers = SearchValues.Create(
        ["ed ", "ed.", "ed,", "ed;", "ed:", " was ", " were ", " been ", " now ", "no longer", "'ve "], StringComparison.OrdinalIgnoreCase);

    private static bool MayReport(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, 400));
        return span.ContainsAny(ReportMarkers) || span.Contains('’') || span.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || Verbs.HasIrregularPast(span);
    }

    public static bool StartsWithImperative(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = 0;
        while (end < span.Length && (char.IsLetter(span[end]) || span[end] == '-'))
        {
            end++;
        }

        return end > 0 && char.IsUpper(span[0]) && Verbs.IsAction(span[..end]);
    }

    // An entry is judged by its first sentence that says something: a joke opener ("Say goodbye to rogue queries!") is skipped.
    private static string Judged(string text)
    {
        var rest = text.AsSpan().TrimStart();
        while (rest.Length > 0)
        {
            var end = TitleSplitter.FirstSentenceEnd(rest);
            var sentence = rest[..end];
            if (end >= rest.Length || !sentence.TrimEnd().EndsWith('!') || sentence.Count(' ') >= MaxExclamationWords)
            {
                return rest.ToString();
            }

            rest = rest[end..].TrimStart();
        }

        return text;
    }

    private static string FirstSentence(string text) => text[..TitleSplitter.FirstSentenceEnd(text)];

    private static bool StartsUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return char.IsUpper(c);
            }
        }

        return false;
    }

    private static string FirstWord(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = 0;
        while (end < span.Length && (char.IsLetter(span[end]) || span[end] == '-'))
        {
            end++;
        }

        return span[..end].ToString();
    }
}

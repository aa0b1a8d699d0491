using System.Text.RegularExpressions;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>How an English sentence is phrased: as something done, or as something to do.</summary>
public static partial class Phrasing
{
    // Verbs that open action items in the imperative ("Add alerting", "Document the runbook").
    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "add", "adopt", "adjust", "alert", "analyse", "analyze", "archive", "assess", "assign", "audit", "automate", "avoid",
        "back", "block", "build", "bump", "cache", "change", "check", "clarify", "clean", "communicate", "conduct",
        "configure", "consider", "consolidate", "continue", "create", "deprecate", "design", "detect", "determine",
        "develop", "disable", "document", "double", "draft", "educate", "enable", "encrypt", "enforce", "enhance",
        "ensure", "establish", "evaluate", "expand", "explore", "expose", "extend", "fix", "formalize", "gate",
        "harden", "hire", "hold", "identify", "implement", "improve", "include", "increase", "instrument", "integrate",
        "introduce", "investigate", "isolate", "keep", "limit", "lock", "log", "maintain", "make", "measure", "migrate",
        "monitor", "move", "notify", "onboard", "optimize", "optimise", "organize", "patch", "perform", "pin", "plan",
        "prepare", "prevent", "prioritize", "provide", "provision", "publish", "put", "raise", "reduce", "refactor",
        "re-evaluate", "reevaluate", "remove", "rename", "replace", "require", "restrict", "restructure", "retire",
        "review", "revise", "revisit", "rewrite", "rotate", "run", "scale", "schedule", "secure", "separate", "set",
        "share", "simplify", "split", "standardize", "standardise", "start", "stop", "streamline", "strengthen",
        "switch", "tag", "teach", "test", "track", "train", "tune", "update", "upgrade", "use", "validate", "verify",
        "write", "equip", "enlist", "craft", "reconfigure", "rework", "decouple", "alarm", "page", "escalate", "hire",
    };

    // Past forms that open a report of work already done ("Rolled back the deploy", "Added an alert").
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not "set", "put", "split", "shut", "cut": their past is also their imperative.
        "built", "did", "found", "made", "ran", "rewrote", "spun", "took", "wrote", "began", "brought", "caught",
        "chose", "drew", "fought", "gave", "got", "held", "kept", "led", "left", "lost", "met", "paid", "sent",
        "spent", "stood", "told", "thought", "understood", "was", "were", "had",
    };

    // -ed words that usually describe a noun rather than report an action ("Automated tests", "Detailed runbook").
    private static readonly HashSet<string> Adjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "automated", "dedicated", "detailed", "advanced", "centralized", "centralised", "improved", "enhanced",
        "expanded", "increased", "reduced", "updated", "extended", "distributed", "scheduled", "shared", "managed",
        "need", "needed", "required", "proposed", "planned", "continued", "red", "feed", "seed", "speed", "embed",
    };

    [GeneratedRegex(@"^(?:we|i|the\s+team|our\s+team|team|engineers?|engineering|devops|ops|it)\s+(?:have\s+|had\s+|has\s+|also\s+|then\s+|quickly\s+|immediately\s+)*(?<verb>[a-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectThenVerb();

    [GeneratedRegex(@"^\W*(?:[\w-]+\s+){0,6}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en|ilt|un|ut|et|ept|ent|own)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassivePast();

    [GeneratedRegex(@"\b(?:will|shall|must|should|need\s+to|needs\s+to|have\s+to|has\s+to|going\s+to|plan\s+to|plans\s+to|intend\s+to|are\s+working\s+on|is\s+planned|are\s+planned|on\s+the\s+way|in\s+the\s+making|in\s+progress|to\s+be\s+\w+ed|we'll|we’ll|let's|let’s|we're\s+(?:going|adding|building|introducing|working|implementing|creating|getting|organizing|rolling)|we\s+are\s+(?:adding|building|introducing|working|implementing|creating|rolling))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureMarker();

    // An optional lead-in ("Finally, ", "To prevent a repeat, "), then a subject committing to work.
    [GeneratedRegex(@"^(?:(?:finally|also|additionally|in\s+addition|next|then|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|moreover|furthermore|going\s+forward|moving\s+forward|in\s+the\s+future|long[\s-]term|short[\s-]term|as\s+a\s+(?:follow[\s-]up|result)|to\s+(?:prevent|avoid|address|reduce)\b[^,]{0,80}),\s*)?"
        + @"(?:(?:we|i|the\s+team|our\s+team|the\s+\w+\s+team|\w+\s+team|engineering|devops|sre|ops)\s+(?:also\s+)?(?:will|shall|must|should|need\s+to|are\s+going\s+to|plan\s+to|intend\s+to|are\s+(?:also\s+|now\s+|currently\s+)?(?:adding|building|introducing|implementing|creating|working\s+on|rolling\s+out|moving|migrating|updating|improving|changing|replacing|setting\s+up))\b"
        + @"|(?:we'll|we’ll|we're\s+going\s+to|we’re\s+going\s+to)\b"
        + @"|(?:[\w'’-]+\s+){1,8}?will\s+(?:also\s+|now\s+)?be\s+\w+(?:ed|en|ilt|ut|et|un|nt|wn|ne|de|ck)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Commitment();

    // Intentions that name no work anybody could finish.
    [GeneratedRegex(@"\b(?:continue\s+to\s+(?:monitor|watch|observe|learn|improve)|keep\s+(?:monitoring|an\s+eye|watching|learning)|learn\s+from|be\s+more\s+(?:careful|vigilant)|strive|do\s+(?:our|my)\s+best|stay\s+vigilant)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    /// <summary>"Rolled back the deploy", "We added an alert", "Alerts were added": work already done.</summary>
    public static bool IsPastReport(string text)
    {
        // The anchored, cheap signs of the past first; the future markers are looked for only when one is seen.
        var first = FirstWord(text);
        var looksPast = (IsPastVerb(first) && !Adjectives.Contains(first))
            || (SubjectThenVerb().Match(text) is { Success: true } subject && IsPastVerb(subject.Groups["verb"].Value))
            || PassivePast().IsMatch(text);
        return looksPast && !FutureMarker().IsMatch(text);
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

    /// <summary>Phrased as something to do: an imperative, or a sentence with "should", "will", "need to"...</summary>
    public static bool IsToDo(string text) => StartsWithImperative(text) || FutureMarker().IsMatch(text);

    /// <summary>A sentence of prose that commits to future work ("We will add...", "Alerts will be added...").</summary>
    public static bool IsCommitment(string sentence) => IsExplicitCommitment(sentence) || StartsWithImperative(sentence);

    /// <summary>A commitment with a subject ("We will also..."), not a vague intention ("We will continue to monitor").</summary>
    public static bool IsExplicitCommitment(string sentence) =>
        MayCommit(sentence) && Commitment().IsMatch(sentence.TrimStart()) && !Vague().IsMatch(sentence);

    // Every commitment the pattern knows contains one of these words; most prose contains none of them.
    private static readonly string[] CommitmentWords = ["will", "shall", "ll ", "going to", "plan", "must", "should", "need", "intend", "are "];

    private static bool MayCommit(string sentence)
    {
        foreach (var word in CommitmentWords)
        {
            if (sentence.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool StartsWithImperative(string text)
    {
        var first = FirstWord(text);
        return first.Length > 0 && char.IsUpper(text.TrimStart()[0]) && Imperatives.Contains(first);
    }

    private static bool IsPastVerb(string word) =>
        IrregularPast.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase));

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

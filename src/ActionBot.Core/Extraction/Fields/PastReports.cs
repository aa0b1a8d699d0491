namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// Reads a sentence as a report of work already done: "Rolled back the deploy", "validators downgraded their binaries",
/// "Script updated to retry", "Alerts were added", "We've set up telemetry", "Our monitoring now keeps an eye on...".
/// </summary>
internal static class PastReports
{
    // A report's subject is a short noun phrase: none of these words stand in one.
    private static readonly HashSet<string> NotInSubject =
    [
        "to", "for", "of", "on", "in", "with", "at", "by", "from", "into", "not", "no", "will", "should", "must", "can", "could", "may",
        "might", "would", "shall", "is", "are", "be", "if", "when", "that", "which", "how", "why", "what", "and", "or", "than", "as",
        "need", "needs",
    ];

    private static readonly HashSet<string> FirstPerson = ["we", "i", "they", "team", "engineers", "engineering", "admins"];
    private static readonly HashSet<string> Adverbs = ["also", "already", "now", "then", "quickly", "immediately", "successfully", "finally", "since", "just", "recently", "manually", "temporarily", "promptly", "both", "all", "each", "fully", "partially", "later"];

    private const int MaxSubjectWords = 4;
    private const int MaxPassiveDistance = 14;

    public static bool IsReport(SentenceWords words)
    {
        var start = LeadingAdverbials.Skip(words);
        if (start >= words.Count)
        {
            return false;
        }

        return Verbs.IsPast(words[start])
            || SubjectThenPast(words, start)
            || PresentPerfect(words, start)
            || PassivePast(words, start)
            || CurrentState(words, start);
    }

    // "validators rolled back...", "Script updated to...", "The team restarted...": a short subject, then a past verb.
    private static bool SubjectThenPast(SentenceWords words, int start)
    {
        var first = words[start];
        if ((Verbs.IsAction(first) || Verbs.IsActionGerund(first)) && !FirstPerson.Contains(first))
        {
            return false;
        }

        for (var i = start + 1; i <= start + MaxSubjectWords && i < words.Count; i++)
        {
            var word = words[i];
            if (Adverbs.Contains(word))
            {
                continue;
            }

            if (Verbs.IsPastForm(word) && (i > start + 1 || Verbs.IsPast(word)) && words[i + 1] != "by" && ReadsAsVerb(words, start, i))
            {
                return true;
            }

            if (NotInSubject.Contains(word) || words.IsBreak(i))
            {
                return false;
            }
        }

        return false;
    }

    // "Halt phased releases" uses "phased" as an adjective; "Engineers added indexes", "Script updated to retry" as a verb.
    private static bool ReadsAsVerb(SentenceWords words, int start, int past)
    {
        var next = words[past + 1];
        return past > start + 1 || words[start].EndsWith('s') || FirstPerson.Contains(words[start]) || next.Length == 0 || words.IsBreak(past + 1)
            || Objects.Contains(next) || next.EndsWith("ly", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> Objects = ["the", "a", "an", "their", "our", "its", "his", "her", "all", "any", "to", "back", "up", "out", "down", "in", "on", "with", "from", "for", "over", "off", "into", "it", "them", "this", "that", "these", "those", "and"];

    // "We have added...", "We've set up...", "I have implemented...".
    private static bool PresentPerfect(SentenceWords words, int start)
    {
        for (var i = start; i < words.Count - 1 && i <= start + MaxSubjectWords; i++)
        {
            if (words[i] is "have" or "has" && FirstPerson.Contains(words[i - 1]))
            {
                var next = i + 1;
                while (Adverbs.Contains(words[next]))
                {
                    next++;
                }

                return Verbs.IsParticiple(words[next]) || words[next] is "set" or "put" or "cut" or "shut";
            }
        }

        return false;
    }

    // "Alerts were added", "X and Y have been implemented", "A focused effort to fix the bug ... was executed".
    private static bool PassivePast(SentenceWords words, int start)
    {
        for (var i = start; i < words.Count && i <= start + MaxPassiveDistance; i++)
        {
            if (words.IsBreak(i))
            {
                return false;
            }

            var next = words[i] switch
            {
                "was" or "were" => i + 1,
                "been" when words[i - 1] is "has" or "have" or "had" => i + 1,
                _ => -1,
            };
            if (next < 0)
            {
                continue;
            }

            while (Adverbs.Contains(words[next]) || words[next].EndsWith("ly", StringComparison.Ordinal))
            {
                next++;
            }

            return Verbs.IsParticiple(words[next]) || words[next] is "set" or "put" or "cut" or "shut";
        }

        return false;
    }

    // "Our monitoring now keeps an eye on...", "Delivery intent is now persisted...", "Resends no longer rely on...":
    // a change already in effect.
    private static bool CurrentState(SentenceWords words, int start)
    {
        for (var i = start + 1; i < words.Count - 1; i++)
        {
            if (words[i] is "is" or "are" && words[i + 1] == "now" && Verbs.IsParticiple(words[i + 2]))
            {
                return true;
            }

            if (words[i] == "no" && words[i + 1] == "longer" && !words.IsBreak(i - 1))
            {
                return true;
            }

            if (words[i] == "now" && !words.IsBreak(i - 1) && words[i - 1] is not ("will" or "are" or "is" or "must" or "should" or "can"))
            {
                var verb = words[i + 1];
                return verb.EndsWith('s') ? Verbs.IsAction(verb[..^1]) || Verbs.IsAction(verb[..^(verb.EndsWith("es", StringComparison.Ordinal) ? 2 : 1)]) : Verbs.IsAction(verb) || verb is "have";
            }
        }

        return false;
    }
}

namespace ActionBot.Core.Extraction.Fields;

/// <summary>Where a sentence commits to work, and how: with a subject ("The team will..."), or as an instruction ("Add...").</summary>
/// <param name="Start">Offset in the sentence where the committing clause starts ("..., but we will review" starts at "we").</param>
/// <param name="WithSubject">Someone commits ("we will", "alerts will be added", "the PSF is exploring"); false for bare instructions.</param>
/// <param name="RefersBack">The work named is only a back-reference ("are working to build these patterns"): it restates a task.</param>
/// <param name="ByTeam">The writers themselves commit, without hedging: "we will", "the team is going to" (not "we could").</param>
internal readonly record struct Commitment(int Start, bool WithSubject, bool RefersBack, bool ByTeam = false);

/// <summary>Reads the grammatical forms in which postmortems commit to work.</summary>
internal static class Commitments
{
    private static readonly HashSet<string> Modals = ["will", "shall", "must", "should", "can", "could", "may", "might"];
    private static readonly HashSet<string> Hedged = ["can", "could", "may", "might"];
    private static readonly HashSet<string> Skippable = ["also", "now", "then", "still", "further", "additionally", "soon", "definitely", "probably", "likely", "eventually", "immediately", "actively", "currently", "urgently", "absolutely", "really", "certainly", "first", "next", "not", "never", "all", "both", "try", "to", "continue", "either", "initially", "quickly", "gradually", "always", "already"];
    private static readonly HashSet<string> FirstPerson = ["we", "i", "us", "team", "teams", "engineering", "engineers", "devops", "sre", "ops", "maintainers", "admins", "developers"];
    private static readonly HashSet<string> Pronouns = ["this", "that", "it", "these", "those", "which", "doing", "such", "they", "what"];
    private static readonly HashSet<string> Outsiders = ["you", "users", "customers", "clients", "visitors", "people", "anyone", "everyone"];
    private static readonly HashSet<string> BackReferences = ["these", "those", "this", "that", "it", "them", "such", "so"];
    private static readonly HashSet<string> Conjunctions = ["but", "and", "so", "yet", "while", "whereas", "then"];
    private static readonly HashSet<string> Conditionals = ["if", "when", "unless", "whether", "although", "though", "once", "should"];
    private static readonly HashSet<string> PlanNouns = ["change", "changes", "improvement", "improvements", "work", "step", "steps", "action", "actions", "fix", "fixes", "measure", "measures", "task", "tasks", "mitigation", "mitigations", "remediation", "remediations", "follow-ups"];
    private static readonly HashSet<string> Advice = ["suggest", "suggested", "recommend", "recommended", "propose", "proposed"];
    private static readonly HashSet<string> NotVerbs = ["they", "we", "i", "you", "it", "he", "she", "the", "a", "an", "this", "that", "there", "these", "those", ","];
    private static readonly HashSet<string> Auxiliaries = ["is", "are", "was", "were", "has", "have", "had", "will", "should", "would", "can", "could", "must", "be", "been", "did", "does"];

    // After "This will...", what follows is a consequence of the work, not more work: "This will help us detect...".
    private static readonly HashSet<string> Consequences =
    [
        "help", "allow", "enable", "ensure", "prevent", "reduce", "make", "mean", "give", "improve", "keep", "lead", "result", "let",
        "minimize", "minimise", "increase", "decrease", "avoid", "provide", "save", "protect", "catch", "cause", "require", "take", "cost",
        "speed", "streamline", "lower", "raise", "eliminate", "guarantee", "contribute", "serve", "benefit", "strengthen",
    ];

    /// <summary>The first clause of <paramref name="words"/> that commits to work, if any.</summary>
    public static Commitment? Find(SentenceWords words, bool startsUpper)
    {
        var start = LeadingAdverbials.Skip(words);
        if (start >= words.Count)
        {
            return null;
        }

        // An instruction: "Add alerting...", "Finally, document...", "If it fails again, look for...".
        if ((startsUpper || start > 0) && IsInstruction(words, start))
        {
            return new Commitment(0, false, false);
        }

        // "Setting up monitoring and alerts to detect..." with no finite verb: work described by its doing. ("Monitoring" alone names a topic.)
        if (Verbs.IsActionGerund(words[start]) && words.Count - start >= 3 && !HasAuxiliary(words, start))
        {
            return new Commitment(0, false, false);
        }

        // "Planned changes including...": a plan named without a verb.
        if ((words[start] is "planned" or "proposed" or "upcoming" or "future" or "next" && PlanNouns.Contains(words[start + 1]))
            || (words[start] is "our" or "the" && words[start + 1] is "planned" or "proposed" or "next" && PlanNouns.Contains(words[start + 2])))
        {
            return new Commitment(0, true, false);
        }

        for (var i = start; i < words.Count; i++)
        {
            if (Advice.Contains(words[i]) && (words[i + 1] is "that" or "we" or "to" or "the") || (words[i] == "advised" && words[i + 1] == "to"))
            {
                return new Commitment(0, true, false);
            }

            if (ModalVerb(words, i) is { } verb && Accepts(words, start, i, verb) && !IsRelativeClause(words, i - 1))
            {
                // "Let us..." exhorts, like an instruction; it names no one who commits.
                return words[i] == "let" ? new Commitment(0, false, false) : Found(words, start, i, verb);
            }

            // "Further segmentation is also under way", "there are changes coming to how...": work in progress, named by its noun.
            if (IsUnderWay(words, i) && !Pronouns.Contains(words[ClauseStart(words, start, i)]))
            {
                return new Commitment(0, true, false, true);
            }

            if (ProgressiveVerb(words, i) is { } doing && !Pronouns.Contains(words[ClauseStart(words, start, i)]) && !Outsiders.Contains(words[i - 1]) && !IsRelativeClause(words, i - 1))
            {
                return Found(words, start, i, doing);
            }
        }

        return null;
    }

    private static Commitment Found(SentenceWords words, int start, int at, int verb)
    {
        var clause = ClauseStart(words, start, at);
        // Only a clause joined by "but", "and" or ";" is cut off; "Until then, the team will..." stays whole, and so does a
        // subject joined by "and" ("Certificates and secrets are being rotated": no clause before the "and").
        var cut = clause > start && Conjunctions.Contains(words[clause - 1]) && (words[clause - 1] != "and" || IsClauseBefore(words, start, clause - 1)) ? clause : start;
        var next = verb + 1;
        while (words[next] is "to" or "on" or "into" or "with" or "at" or "up" or "out" || (words[next - 1] == "to" && Verbs.IsAction(words[next])))
        {
            next++;
        }

        var byTeam = false;
        for (var i = clause; i < at && !byTeam && !Hedged.Contains(words[at]); i++)
        {
            byTeam = FirstPerson.Contains(words[i]) || words[i].EndsWith("team", StringComparison.Ordinal);
        }

        // "More training will be conducted", "All keys are being rotated", "Acme plans to...", "I revoked it, and will avoid...":
        // the writers' organisation commits, impersonally, by its name, or with the subject of the sentence's first clause.
        byTeam = byTeam || (!Pronouns.Contains(words[clause]) && ((words[at] is "will" or "shall" or "is" or "are" && IsPassive(words, verb)) || words[at] is "plans" or "intends" or "aims"))
            || (clause == at && clause > start && words[clause - 1] == "and" && FirstPerson.Contains(words[start]));

        return new Commitment(cut > start ? words.StartOf(cut) : 0, true, BackReferences.Contains(words[next]), byTeam);
    }

    // "will", "need to", "is going to", "plan to", "would like to", "were to be", "let's": the index of the verb that follows.
    private static int? ModalVerb(SentenceWords words, int i)
    {
        var word = words[i];
        int? after = word switch
        {
            _ when Modals.Contains(word) => i + 1,
            "need" or "needs" or "has" or "have" when words[i + 1] == "to" && words[i - 1] is not ("will" or "would" or "no") => i + 2,
            "going" when words[i + 1] == "to" && words[i - 1] is "is" or "are" or "am" => i + 2,
            "plan" or "intend" or "aim" when words[i + 1] == "to" && FirstPerson.Contains(words[i - 1]) => i + 2,
            "plans" or "intends" or "aims" when words[i + 1] == "to" && IsNamedSubject(words[i - 1]) => i + 2,
            "like" when words[i + 1] == "to" && words[i - 1] == "would" => i + 2,
            "planned" or "scheduled" or "set" or "expected" or "due" when words[i + 1] == "to" && words[i - 1] is "is" or "are" => i + 2,
            "to" when words[i + 1] == "be" && words[i - 1] is "is" or "are" or "was" or "were" => i + 1,
            "let" when words[i + 1] == "us" => i + 2,
            _ => null,
        };
        if (after is not { } verb)
        {
            return null;
        }

        while (Skippable.Contains(words[verb]) && verb < words.Count)
        {
            verb++;
        }

        // "...should they occur again", "Will we need it?": an inverted condition or a question, not a commitment.
        return verb < words.Count && !NotVerbs.Contains(words[verb]) ? verb : null;
    }

    private static bool Accepts(SentenceWords words, int start, int modal, int verb)
    {
        var subject = ClauseStart(words, start, modal);
        var first = words[subject];
        var passive = words[verb] == "be" && (Verbs.IsParticiple(words[verb + 1]) || words[verb + 1] == "being");
        if (words[verb] == "have" && (words[verb + 1] == "been" || Verbs.IsParticiple(words[verb + 1])))
        {
            return false; // hindsight: "should have been caught"
        }

        // "I have revoked the token, and will avoid...": the subject of the first clause carries over the "and".
        var elided = subject == modal && subject > start && words[subject - 1] == "and" && FirstPerson.Contains(words[start]) && !Hedged.Contains(words[modal]);
        if (Outsiders.Contains(first) || Consequences.Contains(words[verb]) && Pronouns.Contains(first) || (subject == modal && words[modal] != "let" && !elided))
        {
            return false;
        }

        // "This will help...", "They will now handle this": a consequence, or someone else's work.
        if (Pronouns.Contains(first) && !passive)
        {
            return false;
        }

        if (words[verb] == "be" && !passive && !words[verb + 1].EndsWith("ing", StringComparison.Ordinal))
        {
            return FirstPerson.Contains(words[modal - 1]) && words[verb + 1] is "able" or "ready";
        }

        // "We could also use...", "Rate limits may be added": a proposal. "...before it could be exploited": a possibility.
        if (Hedged.Contains(words[modal]))
        {
            var before = words[modal - 1];
            return passive
                ? !HasConditional(words, modal) && !Pronouns.Contains(before) && before != "still"
                : FirstPerson.Contains(before) || before.EndsWith("team", StringComparison.Ordinal);
        }

        return true;
    }

    // "...the lessons that we are taking from this": the clause describes a noun of the sentence, it commits to nothing.
    // ("We decided that we will...", "to ensure that we are..." follow a verb and do commit.)
    private static bool IsRelativeClause(SentenceWords words, int subject) =>
        subject >= 2 && words[subject - 1] is "that" or "which" && FirstPerson.Contains(words[subject])
        && !Verbs.IsAction(words[subject - 2]) && !Verbs.IsPast(words[subject - 2]) && !Verbs.IsParticiple(words[subject - 2])
        && words[subject - 2] is not ("so" or "now" or "given" or "is" or "are" or "was" or "means" or "say" or "says" or "agree" or "think" or "believe" or "hope" or ",");

    // A finite verb before the "and": "We will pin the clocks and the network team will...".
    private static bool IsClauseBefore(SentenceWords words, int start, int conjunction)
    {
        for (var i = start; i < conjunction; i++)
        {
            if (words.IsBreak(i) || Auxiliaries.Contains(words[i]) || Modals.Contains(words[i]) || words[i] is "am" or "need" or "needs" or "plan" or "plans")
            {
                return true;
            }
        }

        return !Verbs.IsAction(words[conjunction - 1]) && conjunction - start > 1 && Verbs.IsAction(words[start]);
    }

    private static bool IsNamedSubject(string word) =>
        !Pronouns.Contains(word) && !Outsiders.Contains(word) && word is not ("," or "the" or "a" or "an" or "no" or "any" or "our" or "its" or "their" or "his" or "her" or "") && !Modals.Contains(word);

    private static bool IsPassive(SentenceWords words, int verb) =>
        (words[verb] == "be" && Verbs.IsParticiple(words[verb + 1])) || (words[verb - 1] == "being" && Verbs.IsParticiple(words[verb]));

    private static bool IsUnderWay(SentenceWords words, int i)
    {
        if (words[i] is "is" or "are" && i > 0)
        {
            var next = i + 1;
            while (Skippable.Contains(words[next]) && words[next] != "not")
            {
                next++;
            }

            return (words[next] == "under" && words[next + 1] == "way") || words[next] == "underway";
        }

        return words[i] == "coming" && PlanNouns.Contains(words[i - 1]) && words[i + 1] is "to" or "soon" or "up" or "";
    }

    // "is exploring", "are now rolling out", "is being developed": work under way.
    private static int? ProgressiveVerb(SentenceWords words, int i)
    {
        if (words[i] is not ("is" or "are" or "am") || i == 0)
        {
            return null;
        }

        var next = i + 1;
        while (Skippable.Contains(words[next]) && words[next] != "not")
        {
            next++;
        }

        if (words[next] == "being" && Verbs.IsParticiple(words[next + 1]))
        {
            return next + 1;
        }

        return Verbs.IsActionGerund(words[next]) ? next : null;
    }

    private static bool IsInstruction(SentenceWords words, int at)
    {
        if (!Verbs.IsAction(words[at]))
        {
            return false;
        }

        // "Test test test.": an instruction names what to act on.
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = at + 1; i < words.Count && distinct.Count < 2; i++)
        {
            if (words[i] != words[at] && !words.IsBreak(i))
            {
                distinct.Add(words[i]);
            }
        }

        if (distinct.Count == 0)
        {
            return false;
        }

        // "Test results showed...", "Cache key tests were added...": a noun that looks like a verb, then the real verb.
        if (words[at + 1] is "the" or "a" or "an" or "our" or "all" or "any" or "every" or "each")
        {
            return true;
        }

        for (var i = at + 1; i <= at + 4 && i < words.Count; i++)
        {
            if (words.IsBreak(i) || words[i] is "that" or "which" or "who" or "when" or "where" or "if" or "to" or "so" or "because" or "and" or "for" or "on" or "in" or "with")
            {
                return true;
            }

            if (Auxiliaries.Contains(words[i]) || (i > at + 1 && Verbs.IsPast(words[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAuxiliary(SentenceWords words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (Auxiliaries.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasConditional(SentenceWords words, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (Conditionals.Contains(words[i]) && (i == 0 || words.IsBreak(i - 1)))
            {
                return true;
            }
        }

        return false;
    }

    // The first word of the clause that holds the word at <paramref name="at"/>: after the last comma or conjunction.
    private static int ClauseStart(SentenceWords words, int from, int at)
    {
        for (var i = at - 1; i >= from; i--)
        {
            if (words.IsBreak(i) || Conjunctions.Contains(words[i]))
            {
                return i + 1;
            }
        }

        return from;
    }
}

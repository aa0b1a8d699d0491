namespace ActionBot.Core.Extraction.Fields;

/// <summary>
/// The verbs a postmortem's tasks are made of, and the forms they take: "Add" (to do), "Adding" (doing),
/// "Added" / "Built" (done). A lexicon rather than a grammar: tasks draw on a few hundred verbs.
/// </summary>
internal static class Verbs
{
    // Verbs that open tasks in the imperative ("Add alerting", "Document the runbook"), and whose -ing form says work is under way.
    private static readonly HashSet<string> Actions = new(StringComparer.OrdinalIgnoreCase)
    {
        "accelerate", "add", "address", "adjust", "adopt", "aim", "alert", "align", "allocate", "allow", "alarm", "analyse", "analyze",
        "announce", "apply", "archive", "ask", "assess", "assign", "audit", "automate", "avoid", "back", "backfill", "backport", "ban",
        "benchmark", "block", "boost", "bound", "break", "bring", "broadcast", "build", "bump", "buy", "cache", "calibrate", "cap",
        "capture", "change", "check", "choose", "clarify", "clean", "close", "codify", "collect", "combine", "communicate", "compare",
        "complete", "conduct", "configure", "confirm", "connect", "consider", "consolidate", "contact", "continue", "convert", "coordinate",
        "correct", "craft", "create", "cut", "decide", "decommission", "decouple", "define", "delete", "deliver", "deploy", "deprecate",
        "describe", "design", "detect", "determine", "develop", "disable", "discuss", "distribute", "document", "double", "downgrade",
        "draft", "drain", "drop", "educate", "elevate", "eliminate", "email", "emit", "empower", "enable", "encourage", "encrypt",
        "enforce", "engage", "enhance", "enlist", "enrich", "ensure", "equip", "escalate", "establish", "estimate", "evaluate", "examine",
        "exercise", "expand", "expedite", "experiment", "explore", "export", "expose", "extend", "extract", "fail", "file", "filter",
        "finalize", "finalise", "find", "finish", "fix", "flag", "follow", "force", "fork", "formalize", "formalise", "gate", "gather",
        "generate", "get", "give", "grant", "graph", "guard", "halt", "handle", "harden", "hire", "hold", "host", "identify", "implement",
        "import", "improve", "include", "increase", "index", "inform", "inspect", "install", "instrument", "integrate", "introduce",
        "investigate", "invest", "invite", "isolate", "keep", "label", "launch", "learn", "limit", "link", "list", "load", "lock", "log",
        "look", "lower", "maintain", "make", "manage", "map", "mark", "measure", "merge", "migrate", "minimize", "minimise", "mirror",
        "mitigate", "model", "modify", "monitor", "move", "name", "notify", "observe", "obtain", "offload", "onboard", "open", "optimize",
        "optimise", "organize", "organise", "own", "page", "parallelize", "patch", "pause", "perform", "persist", "pin", "plan", "poll",
        "port", "post", "practice", "practise", "prepare", "present", "preserve", "prevent", "prioritize", "prioritise", "probe",
        "produce", "profile", "prohibit", "promote", "propose", "protect", "prototype", "provide", "provision", "prune", "publish",
        "purge", "push", "put", "query", "queue", "raise", "rate-limit", "read", "rebalance", "rebuild", "recheck", "reconcile",
        "reconfigure", "record", "recover", "redeploy", "redesign", "reduce", "re-enable", "re-evaluate", "reevaluate", "refactor",
        "refine", "refresh", "register", "reintroduce", "re-introduce", "reject", "release", "remind", "remove", "rename", "renew",
        "reorganize", "repair", "replace", "replicate", "report", "reproduce", "request", "require", "research", "reserve", "reset",
        "resize", "resolve", "restart", "restore", "restrict", "restructure", "resume", "retain", "retest", "retire", "retrain", "retry",
        "return", "revert", "review", "revise", "revisit", "revoke", "rewrite", "rework", "roll", "rotate", "route", "run", "sanitize",
        "scale", "scan", "schedule", "scope", "secure", "segment", "segregate", "send", "separate", "set", "setup", "share", "ship",
        "shorten", "show", "shut", "sign", "simplify", "simulate", "size", "slow", "snapshot", "specify", "split", "stabilize",
        "standardize", "standardise", "start", "stop", "store", "streamline", "strengthen", "stress", "stress-test", "study", "submit",
        "subscribe", "supply", "support", "survey", "switch", "sync", "synchronize", "tag", "take", "teach", "tell", "terminate", "test",
        "throttle", "tighten", "time", "track", "train", "transfer", "transition", "translate", "triage", "trigger", "trim", "try", "tune",
        "turn", "unify", "uninstall", "unlock", "update", "upgrade", "upload", "use", "validate", "verify", "version", "vet", "visualize",
        "warn", "watch", "whitelist", "allowlist", "work", "wrap", "write",
    };

    // Past forms that are not "-ed": "Built the image", "We ran the migration". Not "set", "put", "cut": also their base.
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "built", "did", "done", "found", "made", "ran", "rewrote", "rewritten", "spun", "took", "taken", "wrote", "written", "began",
        "begun", "brought", "caught", "chose", "chosen", "drew", "drawn", "fought", "gave", "given", "got", "gotten", "held", "kept",
        "led", "left", "lost", "met", "paid", "sent", "spent", "stood", "told", "thought", "understood", "was", "were", "had", "rolled",
        "shut", "broke", "broken", "went", "gone", "saw", "seen", "knew", "known", "grew", "grown", "rebuilt", "undertaken", "undertook",
    };

    // -ed words that usually describe a noun rather than report an action ("Automated tests", "Detailed runbook").
    private static readonly HashSet<string> Adjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "automated", "dedicated", "detailed", "advanced", "centralized", "centralised", "improved", "enhanced", "expanded", "increased",
        "reduced", "updated", "extended", "distributed", "scheduled", "shared", "managed", "need", "needed", "required", "proposed",
        "planned", "continued", "red", "feed", "seed", "speed", "embed", "limited", "unlimited", "dedicated", "integrated", "unified",
        "simplified", "structured", "unstructured", "advanced", "rate-limited", "versioned", "signed", "unsigned", "named", "based",
        "related", "coordinated", "standardized", "standardised", "hardened", "regularized", "enriched", "refined", "streamlined",
        "strengthened", "tightened", "isolated", "segmented", "expected", "suggested", "recommended", "additional",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ActionSpans = Actions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PastSpans = IrregularPast.GetAlternateLookup<ReadOnlySpan<char>>();

    // What may stand before the verb of a task: "Finally, add...", "If it fails, look...", "Going forward we will...".
    private static readonly HashSet<string> LeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "finally", "also", "additionally", "next", "then", "first", "firstly", "second", "secondly", "third", "lastly", "moreover",
        "furthermore", "meanwhile", "afterwards", "subsequently", "eventually", "ideally", "optionally", "importantly", "plus", "and",
        "so", "now", "immediately", "going", "moving", "most", "more", "in", "for", "until", "from", "as", "long", "short", "longer",
        "if", "when", "once", "after", "before", "to", "while", "since", "because", "with", "where", "whenever", "following", "given",
        "during", "upon", "unless", "should", "long-term", "short-term", "planned", "proposed", "upcoming", "future",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadSpans = LeadWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a verb that can open a task: "add", "re-enable", "rate-limit".</summary>
    public static bool IsAction(string word) => Actions.Contains(word);

    public static bool IsAction(ReadOnlySpan<char> word) => ActionSpans.Contains(word);

    /// <summary>
    /// A cheap first look: the text opens with a verb (any form) or with a word that may lead in to one. Only such text
    /// can be an instruction without a modal.
    /// </summary>
    public static bool OpensLikeTask(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = 0;
        while (end < span.Length && (char.IsLetter(span[end]) || span[end] == '-'))
        {
            end++;
        }

        var first = span[..end];
        return first.Length > 0 && (ActionSpans.Contains(first) || LeadSpans.Contains(first)
            || (first.Length > 4 && first.EndsWith("ing", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>True when one of the first words of <paramref name="text"/> is an irregular past form ("built", "ran").</summary>
    public static bool HasIrregularPast(ReadOnlySpan<char> text)
    {
        var words = 0;
        foreach (var range in text.SplitAny(' ', ','))
        {
            var word = text[range].Trim(".;:!?()\"'");
            if (word.Length > 0 && (PastSpans.Contains(word) || (word.Length > 5 && word.StartsWith("re", StringComparison.OrdinalIgnoreCase) && PastSpans.Contains(word[2..]))))
            {
                return true;
            }

            if (++words >= 8)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>True for the -ing form of an action verb: "adding", "setting", "exploring".</summary>
    public static bool IsActionGerund(string word)
    {
        if (word.Length < 5 || !word.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stem = word[..^3];
        return Actions.Contains(stem) || Actions.Contains(stem + "e")
            || (stem.Length > 2 && stem[^1] == stem[^2] && Actions.Contains(stem[..^1]));
    }

    /// <summary>A past form that reports an action ("added", "built", "resent"), not an adjective ("automated").</summary>
    public static bool IsPast(string word) =>
        !Adjectives.Contains(word) && (IsIrregularPast(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)));

    // "resent", "rebuilt", "rewritten": a repeated action is still past.
    private static bool IsIrregularPast(string word) =>
        IrregularPast.Contains(word) || (word.Length > 5 && word.StartsWith("re", StringComparison.OrdinalIgnoreCase) && IrregularPast.Contains(word[2..]));

    /// <summary>A past form whatever its usual role: after a noun ("Script updated to...") even "updated" reports.</summary>
    public static bool IsPastForm(string word) =>
        IsIrregularPast(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && word is not ("need" or "needed" or "feed" or "seed" or "speed" or "embed" or "red"));

    /// <summary>A past participle after "be" or "have": "added", "built", "done", "taken".</summary>
    public static bool IsParticiple(string word) =>
        IsIrregularPast(word) || (word.Length > 3 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase)));
}

using System.Text;

namespace ActionBot.Core.Extraction.Sections;

/// <summary>Reads the words of a heading or label the way a postmortem reader would.</summary>
public static class SectionVocabulary
{
    // Phrases that say the entries are already done, or about the past, whatever else the label says.
    private static readonly string[] Past = Phrases(
    [
        "taken", "already", "completed", "went well", "went wrong", "went poorly", "got lucky", "what happened",
        "we did", "was done", "were done", "applied", "implemented", "performed", "made", "fixes made", "changes made",
    ]);

    private static readonly string[] Lessons = Phrases(["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "key takeaways", "principles", "insights", "reflections"]);

    private static readonly string[] Tasks = Phrases(
    [
        "corrective", "preventative", "preventive", "prevention", "prevent", "preventing", "countermeasures", "measures",
        "action item", "action items", "actionable", "actionables", "action plan", "actions", "next actions",
        "follow up", "follow ups", "followup", "followups", "remediation", "remediations", "next steps", "next step",
        "task", "tasks", "todo", "todos", "to do", "to dos", "improvements", "improvement", "fixes", "future work",
        "going forward", "moving forward", "what s next", "what is next", "whats next", "recommendations",
        "recommendation", "what we are doing", "what we re doing", "what we will do", "what we ll do", "doing about",
        "safeguards", "quick wins", "longer term", "proactive", "action point", "action points", "long term", "short term", "improving", "improve", "hardening", "open items", "work items", "backlog", "fixing", "how we will fix", "how we ll fix",
        "changes we are making", "changes we re making", "what we are changing", "what we re changing", "what we will change",
    ]);

    private static readonly string[] NotTasks = Phrases(
    [
        "timeline", "impact", "root cause", "root causes", "causes", "cause", "resolution", "resolved", "summary",
        "detection", "background", "trigger", "triggers", "symptoms", "analysis", "overview", "description",
        "participants", "severity", "investigation", "response", "recovery", "conclusion", "call to action",
        "conclusions", "closing", "final thoughts", "appendix", "glossary", "references", "supporting information",
        "duration", "affected", "sequence of events", "chronology", "escalation", "solution", "fix", "workaround",
        "contributing factors", "technical details", "introduction", "incident", "outage", "status", "glossary",
        "acknowledgements", "acknowledgments", "where we got lucky", "start time", "end time", "what went",
    ]);

    // Headings that may hold plans or reports of what was done: their entries are judged by their phrasing.
    private static readonly string[] Prospective = Phrases(["mitigation", "mitigations", "future", "looking ahead", "outlook", "roadmap", "plans", "planned", "next"]);

    private static readonly string[] Timeline = Phrases(["timeline", "chronology", "sequence of events", "time line", "log", "events"]);

    private static readonly string[] CorrectiveWords = Phrases(["corrective", "correction", "corrections", "mitigate", "mitigation", "mitigations"]);
    private static readonly string[] PreventativeWords = Phrases(["preventative", "preventive", "prevention", "prevent", "preventing"]);

    // The same few dozen headings ("Timeline", "Action items") recur in every postmortem; remember them.
    private const int MaxRemembered = 4_096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SectionRole> Remembered = new(StringComparer.Ordinal);

    public static SectionRole Classify(string label)
    {
        if (Remembered.TryGetValue(label, out var known))
        {
            return known;
        }

        var role = ClassifyWords(Normalize(label));
        if (Remembered.Count < MaxRemembered)
        {
            Remembered.TryAdd(label, role);
        }

        return role;
    }

    private static SectionRole ClassifyWords(string words)
    {
        if (words.Length <= 1)
        {
            return SectionRole.Neutral;
        }

        if (ContainsAny(words, Past))
        {
            return SectionRole.NotTasks;
        }

        if (ContainsAny(words, Lessons) && !ContainsAny(words, Tasks))
        {
            return SectionRole.Lessons;
        }

        if (ContainsAny(words, Tasks))
        {
            return SectionRole.Tasks;
        }

        if (ContainsAny(words, Prospective))
        {
            return SectionRole.Prospective;
        }

        return ContainsAny(words, NotTasks) ? SectionRole.NotTasks : SectionRole.Neutral;
    }

    /// <summary>A heading of a timeline ("Timeline", "Sequence of events"): nothing inside it is planned work.</summary>
    public static bool IsTimeline(string label) => ContainsAny(Normalize(label), Timeline);

    /// <summary>The kind of task a label names, when it names exactly one.</summary>
    public static ActionItemKind? KindOf(string label)
    {
        var words = Normalize(label);
        var corrective = ContainsAny(words, CorrectiveWords);
        var preventative = ContainsAny(words, PreventativeWords);
        return (corrective, preventative) switch
        {
            (true, false) => ActionItemKind.Corrective,
            (false, true) => ActionItemKind.Preventative,
            _ => null,
        };
    }

    /// <summary>Lower-case words separated by single spaces, with a space at each end, for whole-word matching.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static string[] Phrases(string[] phrases) => Array.ConvertAll(phrases, p => $" {p} ");

    private static bool ContainsAny(string words, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (words.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

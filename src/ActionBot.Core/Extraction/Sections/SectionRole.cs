namespace ActionBot.Core.Extraction.Sections;

/// <summary>What a heading or label says about the entries below it.</summary>
public enum SectionRole
{
    /// <summary>Names nothing in particular ("Short term", "Monitoring"): inherits from the enclosing section.</summary>
    Neutral,

    /// <summary>Names tasks: action items, follow-ups, corrective and preventative measures...</summary>
    Tasks,

    /// <summary>Names lessons learned: only the entries phrased as things to do are tasks.</summary>
    Lessons,

    /// <summary>Names what may hold tasks or may report what was done ("Mitigation", "Looking ahead"): entries phrased as future work are tasks.</summary>
    Prospective,

    /// <summary>Names what is not a task: timeline, impact, root cause, resolution, what went well...</summary>
    NotTasks,
}

namespace ActionBot.Core.Ports;

/// <summary>
/// The boundaries between the steps of work that must survive a crash at any point: what a delivery promises
/// (a postmortem's items stored, each issue opened, each promised effect, the delivery completed) and what the chat
/// outbox sends. Code that has just made a step durable says so here, before it starts the next; in production
/// nothing happens (<see cref="NoCrashPoints"/>). A test plugs in its own, which kills the process at a chosen
/// boundary, and shows that a restart finishes the work without losing or repeating any of it. A new step names its
/// boundary in <see cref="CrashPoint"/> and reports it the same way.
/// </summary>
public interface ICrashPoints
{
    /// <summary>The step before <paramref name="point"/> is done and durable; the next has not begun.</summary>
    ValueTask ReachedAsync(string point, CancellationToken cancellationToken);
}

/// <summary>Production's <see cref="ICrashPoints"/>: nothing happens at a boundary.</summary>
public sealed class NoCrashPoints : ICrashPoints
{
    public static readonly NoCrashPoints Instance = new();

    public ValueTask ReachedAsync(string point, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The names of the boundaries reported to <see cref="ICrashPoints"/>, in the order a merged postmortem crosses them.</summary>
public static class CrashPoint
{
    /// <summary>A reading of a postmortem is stored: the postmortem, its items and what the reading promised.</summary>
    public const string ReadingStored = "reading-stored";

    /// <summary>The labels of the issues about to be opened exist in their repository.</summary>
    public const string LabelsEnsured = "labels-ensured";

    /// <summary>An attempt to open an item's issue is on record; GitHub has not been asked yet.</summary>
    public const string IssueAttemptMarked = "issue-attempt-marked";

    /// <summary>GitHub answered the create of an item's issue; the issue is not on record yet.</summary>
    public const string IssueCreated = "issue-created";

    /// <summary>An item's issue is on record.</summary>
    public const string IssueRecorded = "issue-recorded";

    /// <summary>A promised effect is done (an issue rewritten, a comment posted, an announcement queued) but not yet marked done.</summary>
    public const string EffectDone = "effect-done";

    /// <summary>A webhook delivery is processed; the inbox has not marked it done yet.</summary>
    public const string DeliveryProcessed = "delivery-processed";

    /// <summary>The chat accepted a page of a queued message; the outbox has not marked the message sent yet.</summary>
    public const string ChatPageSent = "chat-page-sent";
}

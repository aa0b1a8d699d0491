namespace ActionBot.Core.Tracking;

/// <summary>
/// What the bot has recorded of a postmortem's tracking issue, each step before or after its GitHub call as the
/// item issues are: decided (<see cref="RequestedAt"/>, before any issue of the postmortem is opened, so recovery
/// finishes what a crash left), a create begun (<see cref="AttemptedAt"/>: look for its marker before creating
/// again), the issue itself, the state the bot last gave it, and the body it last wrote.
/// </summary>
public sealed record TrackingRecord
{
    public static readonly TrackingRecord None = new();

    public DateTimeOffset? RequestedAt { get; init; }
    public DateTimeOffset? AttemptedAt { get; init; }

    /// <summary>Where the tracking issue was opened (the postmortem's issue repository at the time).</summary>
    public string? Repository { get; init; }

    public int? Number { get; init; }
    public string? Url { get; init; }

    /// <summary>The state the bot last set; the bot acts when the state its sub-issues call for differs from it.</summary>
    public ItemState State { get; init; } = ItemState.Open;

    /// <summary>Hash of the title and body last written; a different draft is written again (an edit).</summary>
    public string? BodyHash { get; init; }
}

namespace ActionBot.Core.Tracking;

/// <summary>
/// How <see cref="IssueOpener"/> settles a create whose answer was lost, within the same attempt: wait
/// <see cref="Pause"/> (the tracker's lists catch up with a create within a moment), look for the item's marker,
/// and create again only when no issue carries it; at most <see cref="Rounds"/> creates, then the caller's own
/// retry (the delivery's back-off) takes over, and still looks first.
/// </summary>
public sealed record UncertainWriteRule(TimeSpan Pause, int Rounds)
{
    public static readonly UncertainWriteRule Default = new(TimeSpan.FromSeconds(2), 4);
}

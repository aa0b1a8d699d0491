namespace ActionBot.Core.Tracking;

/// <summary>What a reading of a postmortem promises beyond its stored items.</summary>
public enum EffectKind
{
    /// <summary>The new items' issues, announced in the repository's chat channel once they are all open.</summary>
    Announce,

    /// <summary>A reworded item's issue, written again (title and body).</summary>
    RewriteIssue,

    /// <summary>A removed item's open issue, told that its task left the postmortem.</summary>
    CommentRemoved,
}

/// <summary>
/// A side effect promised by a reading of a postmortem, stored in the same transaction as the reading's items and kept
/// until it is done, so that a crash at any point loses none. Done, then marked done: a crash in between does it
/// again, so doing it twice must change nothing (the announcement's chat key is deterministic, the comment carries a
/// marker that is looked for first, a rewrite writes the same text).
/// </summary>
public sealed record PendingEffect(string Key, EffectKind Kind, string Repository, string Path, IReadOnlyList<string> ItemKeys, DateTimeOffset CreatedAt)
{
    /// <summary>Of an announcement: its channel (null: the default channel).</summary>
    public string? ChannelId { get; init; }

    /// <summary>Of a removal comment: its text, with its marker.</summary>
    public string? Comment { get; init; }
}

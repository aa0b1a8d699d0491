using ActionBot.Core.Tracking;

namespace ActionBot.Storage;

/// <summary>A <c>pending_effects</c> row as stored (kind as a word, item keys as a JSON array), with its statements.</summary>
internal sealed class PendingEffectRow
{
    // A promise made again (a reading repeated after a crash) keeps the first: same key, same effect.
    public const string Insert = """
        INSERT INTO pending_effects (effect_key, kind, repository, path, item_keys, channel_id, comment, created_at)
        VALUES (@Key, @Kind, @Repository, @Path, @ItemKeys, @ChannelId, @Comment, @CreatedAt)
        ON CONFLICT (effect_key) DO NOTHING
        """;

    public const string SelectAll = """
        SELECT effect_key AS Key, kind AS Kind, repository AS Repository, path AS Path, item_keys AS ItemKeys,
               channel_id AS ChannelId, comment AS Comment, created_at AS CreatedAt
        FROM pending_effects ORDER BY created_at, effect_key
        """;

    public const string Delete = "DELETE FROM pending_effects WHERE effect_key = @Key";

    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Repository { get; set; } = "";
    public string Path { get; set; } = "";
    public string ItemKeys { get; set; } = "[]";
    public string? ChannelId { get; set; }
    public string? Comment { get; set; }
    public string CreatedAt { get; set; } = "";

    public static PendingEffectRow From(PendingEffect effect) => new()
    {
        Key = effect.Key,
        Kind = effect.Kind switch
        {
            EffectKind.Announce => "announce",
            EffectKind.RewriteIssue => "rewrite-issue",
            EffectKind.CommentRemoved => "comment-removed",
            _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.Kind, null),
        },
        Repository = effect.Repository,
        Path = effect.Path,
        ItemKeys = SqlValues.StringList(effect.ItemKeys),
        ChannelId = effect.ChannelId,
        Comment = effect.Comment,
        CreatedAt = SqlValues.Timestamp(effect.CreatedAt),
    };

    public PendingEffect ToEffect()
    {
        var kind = Kind switch
        {
            "announce" => EffectKind.Announce,
            "rewrite-issue" => EffectKind.RewriteIssue,
            "comment-removed" => EffectKind.CommentRemoved,
            _ => throw new InvalidOperationException($"Unknown effect kind '{Kind}' in storage."),
        };
        return new PendingEffect(Key, kind, Repository, Path, SqlValues.ParseStringList(ItemKeys), SqlValues.ParseTimestamp(CreatedAt)) { ChannelId = ChannelId, Comment = Comment };
    }
}

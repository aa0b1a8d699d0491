using ActionBot.Core.Ports;
using ActionBot.Testing;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>
/// What the contract tests need of a provider's database: an empty database per test, starts of the bot on it
/// (each with connections of its own, like another process), and a way to look at the rows.
/// </summary>
internal abstract class StorageTestDatabase : IAsyncDisposable
{
    public FakeTimeProvider Time { get; } = new();

    /// <summary>Gets an empty database ready; runs before each test.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The migrator of a new start of the bot, which has not run yet.</summary>
    public abstract SchemaMigrator NewMigrator();

    /// <summary>A start of the bot: new connections, migrated, and its item store.</summary>
    public abstract Task<IActionItemStore> StoreAsync();

    /// <summary>A start of the bot: new connections, migrated, and its inbox.</summary>
    public abstract Task<IDeliveryInbox> InboxAsync();

    /// <summary>A start of the bot: new connections, migrated, and its chat outbox.</summary>
    public abstract Task<IChatOutbox> ChatOutboxAsync();

    /// <summary>A start of the bot: new connections, migrated, and its account links.</summary>
    public abstract Task<IAccountLinks> AccountLinksAsync();

    /// <summary>A start of the bot: new connections, migrated, and its waiting account-link claims.</summary>
    public abstract Task<IAccountLinkRequests> AccountLinkRequestsAsync();

    /// <summary>A start of the bot: new connections, migrated, its item store and its reminder ledger.</summary>
    public abstract Task<(IActionItemStore Store, IReminderLedger Ledger)> LedgerAsync();

    /// <summary>
    /// A start of the bot that claims: new connections, migrated, its claim owner (of <paramref name="name"/>, where the
    /// provider lets a process choose; SQLite's is the database's owner), which has not taken anything back yet, and
    /// its inbox and outbox, whose claims carry the owner's name. Disposing the owner is the process dying.
    /// </summary>
    public abstract Task<ClaimingStart> ClaimingStartAsync(string name);

    /// <summary>A start of the bot: new connections, migrated, and its job lease.</summary>
    public abstract Task<IJobLease> JobLeaseAsync();

    public abstract Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null);

    /// <summary>The tables of the bot's schema, by name.</summary>
    public abstract Task<IReadOnlyList<string>> TableNamesAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>What <see cref="StorageTestDatabase.ClaimingStartAsync"/> gives: a process's claim owner and the stores that claim under its name.</summary>
internal sealed record ClaimingStart(ClaimOwner Owner, IDeliveryInbox Inbox, IChatOutbox Outbox);

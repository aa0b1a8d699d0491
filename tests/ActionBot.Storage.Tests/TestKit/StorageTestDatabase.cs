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

    /// <summary>A start of the bot: new connections, migrated, and its job lease.</summary>
    public abstract Task<IJobLease> JobLeaseAsync();

    public abstract Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null);

    /// <summary>The tables of the bot's schema, by name.</summary>
    public abstract Task<IReadOnlyList<string>> TableNamesAsync();

    public abstract ValueTask DisposeAsync();
}

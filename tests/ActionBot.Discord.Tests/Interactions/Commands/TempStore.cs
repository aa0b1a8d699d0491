using ActionBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.Discord.Tests.Interactions.Commands;

/// <summary>A migrated SQLite file in a temporary folder: the real item store, account links and chat outbox the commands use.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("actionbot-discord-").FullName;
    private readonly SqliteConnectionFactory _connections;

    private TempStore(TimeProvider time)
    {
        _connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "actionbot.db")};Pooling=False");
        Items = new SqliteActionItemStore(_connections, time);
        Links = new SqliteAccountLinks(_connections);
        LinkRequests = new SqliteAccountLinkRequests(_connections);
        Outbox = new SqliteChatOutbox(_connections);
    }

    public SqliteActionItemStore Items { get; }

    public SqliteAccountLinks Links { get; }

    public SqliteAccountLinkRequests LinkRequests { get; }

    public SqliteChatOutbox Outbox { get; }

    public static async Task<TempStore> CreateAsync(TimeProvider time)
    {
        var store = new TempStore(time);
        await new SqliteMigrator(store._connections, time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        _connections.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

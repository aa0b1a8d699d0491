using Dapper;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage;

/// <summary>
/// The name this process's claims carry (<c>claimed_by</c> of a webhook delivery being processed, of a chat message
/// being sent), and, at start-up, the taking back of the claims that an earlier run under the same name left when it
/// was killed: they are due again at once, instead of after their lease (five minutes for a delivery). That is safe
/// only when no live process can still be working on them, so the name is held by a lock that the operating system
/// or the database server frees the moment its holder dies: for SQLite, a lock on a file beside the database, whose
/// holder is the database's one owner; for PostgreSQL, a session advisory lock on the name, by default the machine's
/// (a Kubernetes pod's name, kept across container restarts). A process that cannot take the lock (a live process
/// holds the name) claims under a name of its own and takes nothing back; its claims, like those of a replica gone
/// for good, come back when their lease runs out.
/// </summary>
public abstract partial class ClaimOwner : IAsyncDisposable
{
    private readonly StorageDatabase _database;
    private readonly ILogger _logger;
    private volatile string _name = NameOfItsOwn();

    private protected ClaimOwner(StorageDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>The name of this process's claims: the stable one once <see cref="TakeBackAsync"/> holds it, until then a name of its own.</summary>
    public string Name => _name;

    /// <summary>The name that survives a restart, which this process asks for at start-up.</summary>
    public abstract string StableName { get; }

    /// <summary>A name no other process has: for claims that nobody may take back early.</summary>
    public static string NameOfItsOwn() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The name a store gives its claims: <paramref name="owner"/>'s, or without one (tests, tools) a name of its own.</summary>
    internal static Func<string> NamesOf(ClaimOwner? owner)
    {
        if (owner is not null)
        {
            return () => owner.Name;
        }

        var own = NameOfItsOwn();
        return () => own;
    }

    /// <summary>
    /// Takes the lock of <see cref="StableName"/> and, with it, makes it this process's name and puts every claim left
    /// under it back, due at once (their attempts still count: a delivery that kills the bot each time is still set
    /// aside after its last attempt). Call it before anything claims; once it holds the name, it takes nothing more.
    /// Null when a live process holds the name.
    /// </summary>
    public async Task<ClaimsTakenBack?> TakeBackAsync(CancellationToken cancellationToken)
    {
        if (_name == StableName)
        {
            // Taken back already: the claims of this name now are this process's own, live ones.
            return new ClaimsTakenBack(0, 0);
        }

        if (!await TryLockAsync(StableName, cancellationToken).ConfigureAwait(false))
        {
            Log.NameHeld(_logger, StableName, Name);
            return null;
        }

        _name = StableName;
        var parameters = new { Owner = StableName };
        var taken = await _database.WriteAsync(
            async (connection, transaction) => new ClaimsTakenBack(
                await connection.ExecuteAsync(new CommandDefinition(TakeBackDeliveries, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false),
                await connection.ExecuteAsync(new CommandDefinition(TakeBackMessages, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        if (taken.Deliveries + taken.Messages > 0)
        {
            Log.TookBack(_logger, taken.Deliveries, taken.Messages, StableName);
        }

        return taken;
    }

    /// <summary>Releases the name's lock (at shutdown; a killed process loses it with its file handle or its connection).</summary>
    public abstract ValueTask DisposeAsync();

    /// <summary>Takes the lock of <paramref name="name"/> for as long as this process lives; false when another holds it.</summary>
    private protected abstract Task<bool> TryLockAsync(string name, CancellationToken cancellationToken);

    // Pending again with the due time they had when claimed (already past), so the next claim takes them in arrival order.
    private const string TakeBackDeliveries =
        "UPDATE webhook_deliveries SET status = 'pending', lease_until = NULL WHERE status = 'processing' AND claimed_by = @Owner";

    private const string TakeBackMessages =
        "UPDATE chat_outbox SET status = 'pending', lease_until = NULL WHERE status = 'processing' AND claimed_by = @Owner";

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Took back {Deliveries} webhook delivery(ies) and {Messages} chat message(s) that the last run as {Owner} was working on when it stopped; they are processed again now")]
        public static partial void TookBack(ILogger logger, int deliveries, int messages, string owner);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Another running process holds the claims of {Owner} in this database; this one claims as {Name} and takes nothing back")]
        public static partial void NameHeld(ILogger logger, string owner, string name);
    }
}

/// <summary>What <see cref="ClaimOwner.TakeBackAsync"/> put back: webhook deliveries and chat messages.</summary>
public sealed record ClaimsTakenBack(int Deliveries, int Messages);

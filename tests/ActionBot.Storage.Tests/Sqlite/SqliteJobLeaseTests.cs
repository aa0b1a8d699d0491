using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The contract on a real SQLite file: each "replica" a lease of its own, kept apart by the lock file beside the database.</summary>
public sealed class SqliteJobLeaseTests() : JobLeaseContract(new TempDatabase());

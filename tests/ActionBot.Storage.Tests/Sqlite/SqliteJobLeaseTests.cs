using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The contract on a real SQLite file (one process per file: the lease is in-process).</summary>
public sealed class SqliteJobLeaseTests() : JobLeaseContract(new TempDatabase());

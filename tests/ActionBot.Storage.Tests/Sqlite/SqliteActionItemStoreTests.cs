using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteActionItemStoreTests() : ActionItemStoreContract(new TempDatabase());

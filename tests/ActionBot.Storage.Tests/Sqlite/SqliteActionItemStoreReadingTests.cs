using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The reading contract on a real SQLite file.</summary>
public sealed class SqliteActionItemStoreReadingTests() : ActionItemStoreReadingContract(new TempDatabase());

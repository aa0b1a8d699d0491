using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The contract on a real SQLite file: the owner is whoever holds the lock file beside it.</summary>
public sealed class SqliteClaimOwnerTests() : ClaimOwnerContract(new TempDatabase());

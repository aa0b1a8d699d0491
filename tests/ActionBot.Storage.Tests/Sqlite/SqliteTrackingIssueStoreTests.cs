using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Sqlite;

/// <summary>The tracking-issue contract on a real SQLite file.</summary>
public sealed class SqliteTrackingIssueStoreTests() : TrackingIssueStoreContract(new TempDatabase());

using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The tracking-issue contract on the run's PostgreSQL server.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresTrackingIssueStoreTests(PostgresFixture postgres)
    : TrackingIssueStoreContract(new PostgresTestDatabase(postgres, typeof(PostgresTrackingIssueStoreTests)));

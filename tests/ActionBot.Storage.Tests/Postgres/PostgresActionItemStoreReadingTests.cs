using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The reading contract on the run's PostgreSQL server.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresActionItemStoreReadingTests(PostgresFixture postgres)
    : ActionItemStoreReadingContract(new PostgresTestDatabase(postgres, typeof(PostgresActionItemStoreReadingTests)));

using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The store contract on the run's PostgreSQL server.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresActionItemStoreTests(PostgresFixture postgres)
    : ActionItemStoreContract(new PostgresTestDatabase(postgres, typeof(PostgresActionItemStoreTests)));

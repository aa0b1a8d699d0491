using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The paging contract on the run's PostgreSQL server.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresItemListingTests(PostgresFixture postgres)
    : ItemListingContract(new PostgresTestDatabase(postgres, typeof(PostgresItemListingTests)));

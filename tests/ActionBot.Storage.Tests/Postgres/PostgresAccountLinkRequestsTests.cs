using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The contract on the run's PostgreSQL server.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresAccountLinkRequestsTests(PostgresFixture postgres)
    : AccountLinkRequestsContract(new PostgresTestDatabase(postgres, typeof(PostgresAccountLinkRequestsTests)));

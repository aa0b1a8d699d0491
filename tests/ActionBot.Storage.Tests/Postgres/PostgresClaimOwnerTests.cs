using ActionBot.Storage.Tests.Contracts;
using ActionBot.Storage.Tests.TestKit;

namespace ActionBot.Storage.Tests.Postgres;

/// <summary>The contract on the run's PostgreSQL server: a name is held by a session advisory lock.</summary>
[Collection(SharedPostgresServer.Name)]
[RequiresPostgres]
public sealed class PostgresClaimOwnerTests(PostgresFixture postgres)
    : ClaimOwnerContract(new PostgresTestDatabase(postgres, typeof(PostgresClaimOwnerTests)));

using ActionBot.Testing;

namespace ActionBot.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL server for a test class, started when one can start here (else its tests are skipped).</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException(PostgresServer.NotAvailableReason ?? "The PostgreSQL server did not start.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.NotAvailableReason is null)
        {
            _server = await PostgresServer.StartAsync();
        }
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}

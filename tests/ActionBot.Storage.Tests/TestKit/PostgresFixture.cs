using System.Collections.Concurrent;
using ActionBot.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActionBot.Storage.Tests.TestKit;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run (when one can start here; see
/// <see cref="RequiresPostgresAttribute"/> for the skip), and one database per test class on it.
/// </summary>
public sealed class PostgresFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<string>>> _databases = new();
    private PostgresServer? _server;

    public async Task InitializeAsync()
    {
        if (PostgresServer.NotAvailableReason is null)
        {
            _server = await PostgresServer.StartAsync();
            diagnostics.OnMessage(new DiagnosticMessage($"PostgreSQL test server on 127.0.0.1:{_server.Port} started in {_server.StartupTime.TotalSeconds:0.0} s"));
        }
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The connection string of <paramref name="testClass"/>'s database, created on first use.</summary>
    internal Task<string> DatabaseForAsync(Type testClass)
    {
        var server = _server ?? throw new InvalidOperationException(PostgresServer.NotAvailableReason ?? "The PostgreSQL server did not start.");
        return _databases.GetOrAdd(testClass, _ => new Lazy<Task<string>>(() => server.CreateDatabaseAsync())).Value;
    }
}

/// <summary>The test classes that share the run's PostgreSQL server (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresServer : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server";
}

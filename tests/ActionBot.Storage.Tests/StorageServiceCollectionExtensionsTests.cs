using ActionBot.Core.Ports;
using ActionBot.Storage.Postgres;
using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage.Tests;

// In the PostgreSQL group for its one PostgreSQL test; the others need no server.
[Collection(SharedPostgresServer.Name)]
public sealed class StorageServiceCollectionExtensionsTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Starting_the_host_migrates_the_database_and_makes_storage_ready()
    {
        using var host = Build(new() { ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString });
        var health = host.Services.GetRequiredService<StorageHealth>();
        Assert.False(await health.IsReadyAsync());

        await host.StartAsync();

        Assert.True(await health.IsReadyAsync());
        Assert.Equal(0, await host.Services.GetRequiredService<IDeliveryInbox>().CountPendingAsync(CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<IActionItemStore>().GetIssueRepositoriesAsync(CancellationToken.None));
        Assert.IsType<SqliteDeliveryInbox>(host.Services.GetRequiredService<IDeliveryInbox>());
        Assert.IsType<SqliteChatOutbox>(host.Services.GetRequiredService<IChatOutbox>());
        Assert.IsType<SqliteAccountLinks>(host.Services.GetRequiredService<IAccountLinks>());
        Assert.IsType<SqliteReminderLedger>(host.Services.GetRequiredService<IReminderLedger>());
        Assert.IsType<SqliteJobLease>(host.Services.GetRequiredService<IJobLease>());
        await host.StopAsync();
    }

    [StorageFact]
    [RequiresPostgres]
    public async Task With_the_postgres_provider_starting_the_host_migrates_that_database_and_uses_it()
    {
        var postgresDatabase = new PostgresTestDatabase(postgres, typeof(StorageServiceCollectionExtensionsTests));
        await postgresDatabase.InitializeAsync();
        using var host = Build(new() { ["ActionBot:Storage:Provider"] = "postgres", ["ActionBot:Storage:ConnectionString"] = postgresDatabase.ConnectionString });
        var health = host.Services.GetRequiredService<StorageHealth>();
        Assert.False(await health.IsReadyAsync());

        await host.StartAsync();

        Assert.True(await health.IsReadyAsync());
        Assert.IsType<PostgresDeliveryInbox>(host.Services.GetRequiredService<IDeliveryInbox>());
        Assert.IsType<PostgresActionItemStore>(host.Services.GetRequiredService<IActionItemStore>());
        Assert.IsType<PostgresChatOutbox>(host.Services.GetRequiredService<IChatOutbox>());
        Assert.IsType<PostgresAccountLinks>(host.Services.GetRequiredService<IAccountLinks>());
        Assert.IsType<PostgresReminderLedger>(host.Services.GetRequiredService<IReminderLedger>());
        Assert.IsType<PostgresJobLease>(host.Services.GetRequiredService<IJobLease>());
        Assert.Contains("schema_migrations", await postgresDatabase.TableNamesAsync());
        Assert.False(File.Exists(_database.FilePath));
        await host.StopAsync();
    }

    [Fact]
    public void The_checkpointer_is_a_hosted_service_started_after_the_migration()
    {
        using var host = Build(new() { ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString });

        var hosted = host.Services.GetServices<IHostedService>().ToList();

        var checkpointer = Assert.Single(hosted.OfType<SqliteWalCheckpointer>());
        Assert.Same(host.Services.GetRequiredService<SqliteWalCheckpointer>(), checkpointer);
        Assert.True(hosted.FindIndex(s => s is StorageInitializer) < hosted.IndexOf(checkpointer));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("sqlite", true)]
    [InlineData("Postgres", false)]
    public void Only_a_sqlite_database_gets_a_checkpointer(string? provider, bool registered)
    {
        // The registrations themselves: resolving anything would validate the options, and a SQLite connection string fails that under Postgres.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionBot:Storage:Provider"] = provider,
            ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString,
        }).Build();

        var services = new ServiceCollection().AddStorage(configuration);

        Assert.Equal(registered, services.Any(d => d.ServiceType == typeof(SqliteWalCheckpointer)));
        Assert.Equal(registered ? 2 : 1, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }

    [Fact]
    public void The_checkpointer_defaults_to_a_pass_a_second_and_a_restart_above_256_mb()
    {
        using var host = Build(new() { ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString });

        var checkpointer = host.Services.GetRequiredService<SqliteWalCheckpointer>();

        Assert.Equal((TimeSpan.FromSeconds(1), 256L * 1024 * 1024), (checkpointer.Interval, checkpointer.RestartAboveBytes));
    }

    [Theory]
    [InlineData("Interval", "00:00:00", "ActionBot:Storage:WalCheckpoint:Interval must be between")]
    [InlineData("RestartAboveMegabytes", "0", "ActionBot:Storage:WalCheckpoint:RestartAboveMegabytes must be between")]
    public async Task Invalid_checkpoint_settings_stop_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var host = Build(new()
        {
            ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString,
            [$"ActionBot:Storage:WalCheckpoint:{key}"] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_sqlite_in_data_actionbot_db()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(("Sqlite", "Data Source=data/actionbot.db"), (options.Provider, options.ConnectionString));
    }

    [Theory]
    [InlineData("Provider", "MySql", "ActionBot:Storage:Provider must be 'Sqlite' or 'Postgres'")]
    [InlineData("Provider", "", "ActionBot:Storage:Provider is required")]
    [InlineData("ConnectionString", "", "ActionBot:Storage:ConnectionString is required")]
    [InlineData("ConnectionString", "Nonsense Key=1", "ActionBot:Storage:ConnectionString is not a valid SQLite connection string")]
    [InlineData("Provider", "Postgres", "ActionBot:Storage:ConnectionString is not a valid PostgreSQL (Npgsql) connection string")]
    public async Task Invalid_settings_stop_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var host = Build(new()
        {
            ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString, // a SQLite one: not valid for Postgres
            [$"ActionBot:Storage:{key}"] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public void The_provider_name_is_case_insensitive()
    {
        using var host = Build(new() { ["ActionBot:Storage:Provider"] = "sqlite", ["ActionBot:Storage:ConnectionString"] = _database.ConnectionString });

        Assert.Equal("sqlite", host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}

using ActionBot.Core.Ports;
using ActionBot.Storage.Postgres;
using ActionBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated at start); the stores of both providers, of which
    /// <see cref="IActionItemStore"/>, <see cref="IDeliveryInbox"/>, <see cref="IChatOutbox"/>, <see cref="IAccountLinks"/>, <see cref="IAccountLinkRequests"/>,
    /// <see cref="IReminderLedger"/>, <see cref="IJobLease"/>, <see cref="StorageDatabase"/> and <see cref="SchemaMigrator"/> resolve to the configured one (only that one is ever created); <see cref="StorageHealth"/>;
    /// <see cref="StorageInitializer"/>, which migrates the database before the server starts and takes back this process's
    /// claims left by a crash (<see cref="ClaimOwner"/>); and for SQLite
    /// <see cref="SqliteWalCheckpointer"/>, which checkpoints the WAL in the background
    /// (<see cref="SqliteWalCheckpointerOptions"/>). Call it before
    /// registering other hosted services that use storage: hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<SqliteActionItemStore>();
        services.TryAddSingleton<SqliteDeliveryInbox>();
        services.TryAddSingleton<SqliteChatOutbox>();
        services.TryAddSingleton<SqliteAccountLinks>();
        services.TryAddSingleton<SqliteAccountLinkRequests>();
        services.TryAddSingleton<SqliteReminderLedger>();
        services.TryAddSingleton<SqliteJobLease>();
        services.TryAddSingleton<SqliteClaimOwner>();

        services.TryAddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.TryAddSingleton<PostgresMigrator>();
        services.TryAddSingleton<PostgresActionItemStore>();
        services.TryAddSingleton<PostgresDeliveryInbox>();
        services.TryAddSingleton<PostgresChatOutbox>();
        services.TryAddSingleton<PostgresAccountLinks>();
        services.TryAddSingleton<PostgresAccountLinkRequests>();
        services.TryAddSingleton<PostgresReminderLedger>();
        services.TryAddSingleton<PostgresJobLease>();
        services.TryAddSingleton<PostgresClaimOwner>();

        services.TryAddSingleton(Configured<StorageDatabase, SqliteDatabase, PostgresDatabase>);
        services.TryAddSingleton(Configured<SchemaMigrator, SqliteMigrator, PostgresMigrator>);
        services.TryAddSingleton(Configured<IActionItemStore, SqliteActionItemStore, PostgresActionItemStore>);
        services.TryAddSingleton(Configured<IDeliveryInbox, SqliteDeliveryInbox, PostgresDeliveryInbox>);
        services.TryAddSingleton(Configured<IChatOutbox, SqliteChatOutbox, PostgresChatOutbox>);
        services.TryAddSingleton(Configured<IAccountLinks, SqliteAccountLinks, PostgresAccountLinks>);
        services.TryAddSingleton(Configured<IAccountLinkRequests, SqliteAccountLinkRequests, PostgresAccountLinkRequests>);
        services.TryAddSingleton(Configured<IReminderLedger, SqliteReminderLedger, PostgresReminderLedger>);
        services.TryAddSingleton(Configured<ClaimOwner, SqliteClaimOwner, PostgresClaimOwner>);

        // SQLite: a lock file beside the database (serve and a backfill beside it are two processes); PostgreSQL: an advisory lock.
        services.TryAddSingleton(Configured<IJobLease, SqliteJobLease, PostgresJobLease>);
        services.TryAddSingleton<StorageHealth>();
        services.AddHostedService<StorageInitializer>();

        // Only a SQLite database has a WAL to look after. After the initializer (hosted services start in order),
        // before the server: checkpoints off the request path.
        if (IsSqlite(configuration))
        {
            services.AddOptions<SqliteWalCheckpointerOptions>()
                .Bind(configuration.GetSection(SqliteWalCheckpointerOptions.SectionName))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.TryAddSingleton<SqliteWalCheckpointer>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteWalCheckpointer>());
        }

        return services;
    }

    // Chosen when first resolved, so only the configured provider's stores are ever created (the other's
    // connection string would not even parse).
    private static TService Configured<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TService : class
        where TSqlite : TService
        where TPostgres : TService =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? services.GetRequiredService<TPostgres>()
            : services.GetRequiredService<TSqlite>();

    // Read from configuration, not options: which services exist is decided before the container is built. The
    // checkpointer is SQLite's alone: resolved under PostgreSQL, its connection factory would reject the
    // connection string.
    private static bool IsSqlite(IConfiguration configuration)
    {
        var provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        return provider is null || string.Equals(provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase);
    }
}

using ActionBot.Core.Ports;
using ActionBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated at start), the SQLite connection factory, the
    /// <see cref="IActionItemStore"/> and <see cref="IDeliveryInbox"/>, <see cref="StorageHealth"/>, and
    /// <see cref="StorageInitializer"/>, which migrates the database before the server starts. Call it before
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
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<SqliteActionItemStore>();
        services.TryAddSingleton<IActionItemStore>(sp => sp.GetRequiredService<SqliteActionItemStore>());
        services.TryAddSingleton<IReminderLedger, SqliteReminderLedger>();
        services.TryAddSingleton<SqliteDeliveryInbox>();
        services.TryAddSingleton<IDeliveryInbox>(sp => sp.GetRequiredService<SqliteDeliveryInbox>());
        services.TryAddSingleton<StorageHealth>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}

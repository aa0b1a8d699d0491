using Microsoft.Extensions.Hosting;

namespace ActionBot.Storage;

/// <summary>
/// Migrates the database at start-up, before the app takes requests. The host starts hosted services one after
/// another in registration order, awaiting each StartAsync; WebApplicationBuilder registers the server
/// (GenericWebHostService) last, at Build(), so Kestrel listens only after this has finished. A failed
/// migration fails start-up. With a hand-made generic host, call AddStorage before ConfigureWebHost.
/// </summary>
public sealed class StorageInitializer(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

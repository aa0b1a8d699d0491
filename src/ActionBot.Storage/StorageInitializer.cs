using Microsoft.Extensions.Hosting;

namespace ActionBot.Storage;

/// <summary>
/// Migrates the database at start-up, before the app takes requests. The host starts hosted services one after
/// another in registration order, awaiting each StartAsync; WebApplicationBuilder registers the server
/// (GenericWebHostService) last, at Build(), so Kestrel listens only after this has finished. A failed
/// migration fails start-up. With a hand-made generic host, call AddStorage before ConfigureWebHost. Then, before the
/// delivery worker and the chat sender (registered after storage) claim anything, it takes back the claims an earlier
/// run of this process left (<see cref="ClaimOwner"/>): work cut short by a crash resumes at once.
/// </summary>
public sealed class StorageInitializer(SchemaMigrator migrator, ClaimOwner claims) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await claims.TakeBackAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

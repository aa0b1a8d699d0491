using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ActionBot.Storage;

/// <summary>Readiness of storage, for <c>/readyz</c>: migrated in this process and answering a query.</summary>
public sealed partial class StorageHealth(StorageDatabase database, SchemaMigrator migrator, ILogger<StorageHealth> logger)
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!migrator.IsUpToDate)
        {
            return false;
        }

        // Unlike a data read, a readiness probe must answer "no" rather than throw; the cause is logged, not hidden.
        try
        {
            var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
            }
        }
        catch (DbException ex)
        {
            Log.NotReady(logger, ex);
            return false;
        }
        catch (IOException ex)
        {
            Log.NotReady(logger, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Storage is not ready")]
        public static partial void NotReady(ILogger logger, Exception exception);
    }
}

using System.Data.Common;
using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IAccountLinks"/> in SQL both providers run: one row per chat user, at most one per login (a unique
/// index on the lower-cased login), so a confirmed login is never taken over. <see cref="Sqlite.SqliteAccountLinks"/>
/// and <see cref="Postgres.PostgresAccountLinks"/> only say which database.
/// </summary>
public abstract class SqlAccountLinks : IAccountLinks
{
    private readonly StorageDatabase _database;

    private protected SqlAccountLinks(StorageDatabase database) => _database = database;

    public async Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(gitHubLogin);
        var parameters = new { UserId = chatUserId, Login = gitHubLogin, At = SqlValues.Timestamp(at) };
        try
        {
            return await _database.ExecuteAsync(AccountLinkSql.Link, parameters, cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (DbException)
        {
            // Another user's link of the same login committed between our check and our insert: the index said no.
            var holder = await GetChatUserIdAsync(gitHubLogin, cancellationToken).ConfigureAwait(false);
            if (holder is null || holder == chatUserId)
            {
                throw;
            }

            return false;
        }
    }

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) =>
        _database.ScalarAsync<string?>(AccountLinkSql.LoginOf, new { UserId = chatUserId }, cancellationToken);

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        _database.ScalarAsync<string?>(AccountLinkSql.UserOf, new { Login = gitHubLogin }, cancellationToken);
}

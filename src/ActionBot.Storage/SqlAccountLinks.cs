using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>
/// <see cref="IAccountLinks"/> in SQL both providers run; logins compare case-insensitively.
/// <see cref="Sqlite.SqliteAccountLinks"/> and <see cref="Postgres.PostgresAccountLinks"/> only say which database.
/// </summary>
public abstract class SqlAccountLinks : IAccountLinks
{
    private readonly StorageDatabase _database;

    private protected SqlAccountLinks(StorageDatabase database) => _database = database;

    public async Task LinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(gitHubLogin);
        var parameters = new { UserId = chatUserId, Login = gitHubLogin, At = SqlValues.Timestamp(at) };
        await _database.ExecuteAsync(ChatSql.Link, parameters, cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) =>
        _database.ScalarAsync<string?>(ChatSql.LoginOf, new { UserId = chatUserId }, cancellationToken);

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        _database.ScalarAsync<string?>(ChatSql.UserOf, new { Login = gitHubLogin }, cancellationToken);
}

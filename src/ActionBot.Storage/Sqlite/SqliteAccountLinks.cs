using ActionBot.Core.Ports;
using Dapper;

namespace ActionBot.Storage.Sqlite;

/// <summary><see cref="IAccountLinks"/> on SQLite; logins compare case-insensitively.</summary>
public sealed class SqliteAccountLinks(SqliteConnectionFactory connections) : IAccountLinks
{
    public async Task LinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(gitHubLogin);
        var parameters = new { UserId = chatUserId, Login = gitHubLogin, At = SqlValues.Timestamp(at) };
        await SqliteWrites.ExecuteAsync(connections, ChatSql.Link, parameters, cancellationToken).ConfigureAwait(false);
    }

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) =>
        ScalarAsync(ChatSql.LoginOf, new { UserId = chatUserId }, cancellationToken);

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        ScalarAsync(ChatSql.UserOf, new { Login = gitHubLogin }, cancellationToken);

    private async Task<string?> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}

using Npgsql;

namespace ActionBot.Storage.Postgres;

/// <summary>
/// A schema in our database that a library owns (Hangfire's job store) rather than our migrations, installed the way
/// ours are: by <see cref="PostgresMigrator"/>, after our migrations and under the same advisory lock, so that replicas
/// starting at once never race to install it (a library's own install at start-up would).
/// </summary>
public interface IPostgresSchemaInstaller
{
    /// <summary>Brings the schema up to date on <paramref name="connection"/>; installing it again changes nothing.</summary>
    void Install(NpgsqlConnection connection);
}

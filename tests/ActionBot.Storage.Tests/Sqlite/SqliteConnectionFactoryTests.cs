using ActionBot.Storage.Sqlite;
using ActionBot.Storage.Tests.TestKit;
using Dapper;

namespace ActionBot.Storage.Tests.Sqlite;

public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Opening_creates_the_missing_folder_of_the_data_source()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_database.FilePath)));

        await using (await _database.NewFactory().OpenAsync(CancellationToken.None))
        {
        }

        Assert.True(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task Connections_use_wal_a_busy_timeout_foreign_keys_and_normal_synchronous()
    {
        await using var connection = await _database.NewFactory().OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // NORMAL
    }

    [Fact]
    public async Task An_in_memory_database_opens_without_touching_the_file_system()
    {
        using var factory = new SqliteConnectionFactory("Data Source=:memory:");

        await using var connection = await factory.OpenAsync(CancellationToken.None);

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT 1"));
    }
}

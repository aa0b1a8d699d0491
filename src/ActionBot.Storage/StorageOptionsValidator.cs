using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActionBot.Storage;

/// <summary>The rules data annotations cannot state; each message names its key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Prefix = StorageOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Provider) || string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Skip; // [Required] reports these
        }

        if (!options.IsSqlite && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail($"{Prefix}Provider must be 'Sqlite' or 'Postgres', not '{options.Provider}'.");
        }

        try
        {
            _ = options.IsSqlite
                ? new SqliteConnectionStringBuilder(options.ConnectionString)
                : (object)new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            var provider = options.IsSqlite ? "SQLite" : "PostgreSQL (Npgsql)";
            return ValidateOptionsResult.Fail($"{Prefix}ConnectionString is not a valid {provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}

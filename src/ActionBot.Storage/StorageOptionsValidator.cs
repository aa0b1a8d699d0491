using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

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

        if (string.Equals(options.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"{Prefix}Provider 'Postgres' is not available until the reminders issue; use 'Sqlite' for now.");
        }

        if (!options.IsSqlite)
        {
            return ValidateOptionsResult.Fail($"{Prefix}Provider must be 'Sqlite' or 'Postgres', not '{options.Provider}'.");
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Prefix}ConnectionString is not a valid SQLite connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}

using System.ComponentModel.DataAnnotations;

namespace ActionBot.Storage;

/// <summary>Where tracked items and webhook deliveries are kept, bound from <c>ActionBot:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ActionBot:Storage";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> or <c>Postgres</c>.</summary>
    [Required(ErrorMessage = "ActionBot:Storage:Provider is required: Sqlite or Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// ADO.NET connection string: SQLite (<c>Data Source=data/actionbot.db</c>; a relative path is relative to the
    /// working directory) or Npgsql (<c>Host=db;Database=actionbot;Username=actionbot;Password=...</c>).
    /// </summary>
    [Required(ErrorMessage = "ActionBot:Storage:ConnectionString is required, e.g. \"Data Source=data/actionbot.db\".")]
    public string ConnectionString { get; set; } = "Data Source=data/actionbot.db";

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

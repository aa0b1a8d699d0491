using System.ComponentModel.DataAnnotations;

namespace ActionBot.Storage.Sqlite;

/// <summary>How <see cref="SqliteWalCheckpointer"/> keeps the SQLite WAL short, bound from <c>ActionBot:Storage:WalCheckpoint</c>.</summary>
public sealed class SqliteWalCheckpointerOptions
{
    public const string SectionName = StorageOptions.SectionName + ":WalCheckpoint";

    /// <summary>Time between two passive checkpoints.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "ActionBot:Storage:WalCheckpoint:Interval must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// WAL size past which a pass restarts the WAL. Each restart stalls writers ~7-10 ms (its fsyncs, then the first
    /// commit's sync of the new WAL header), so it should come seldom: at 1,000 deliveries/s the WAL grows ~40 MB/s,
    /// and 256 MB means one stall every ~6 s. The WAL file keeps this size on disk between restarts.
    /// </summary>
    [Range(1, 65_536, ErrorMessage = "ActionBot:Storage:WalCheckpoint:RestartAboveMegabytes must be between 1 and 65536.")]
    public int RestartAboveMegabytes { get; set; } = 256;

    internal long RestartAboveBytes => RestartAboveMegabytes * 1024L * 1024;
}

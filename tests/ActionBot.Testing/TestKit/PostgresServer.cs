using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ActionBot.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> in a folder under the temp directory, started with
/// <c>pg_ctl</c> on a free loopback port (no fsync: the data dies with the test run), stopped and deleted on
/// dispose. PostgreSQL refuses to run as root, so as root the binaries run as the <c>postgres</c> user (which
/// Debian's package creates) through <c>runuser</c>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string SearchedFolder = "/usr/lib/postgresql";
    private static readonly Lazy<string?> BinFolder = new(FindBinFolder);
    private readonly string _dataFolder;
    private int _databases;

    private PostgresServer(string dataFolder, int port, TimeSpan startupTime)
    {
        _dataFolder = dataFolder;
        Port = port;
        StartupTime = startupTime;
    }

    /// <summary>Why no server can start here (binaries missing, or root without a <c>postgres</c> user); null when one can.</summary>
    public static string? NotAvailableReason =>
        BinFolder.Value is null
            ? $"PostgreSQL is not installed: no {SearchedFolder}/*/bin/pg_ctl (on Debian: apt-get install postgresql)"
            : Environment.IsPrivilegedProcess && !PostgresUserExists()
                ? "PostgreSQL cannot run as root, and there is no 'postgres' user to run it as"
                : null;

    public int Port { get; }

    /// <summary>How long <c>initdb</c> and the start took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Connects as the superuser to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates and starts a server; throws with the server's own words when it cannot.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (NotAvailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var started = Stopwatch.StartNew();
        // initdb creates the folder itself, so as root it belongs to the postgres user; the temp folder lets anyone create.
        var dataFolder = Path.Combine(Path.GetTempPath(), "actionbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        await RunAsync("initdb", ["-D", dataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken).ConfigureAwait(false);

        // A port free a moment ago may be taken by another test run by now: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {port} -k {dataFolder} -c listen_addresses=127.0.0.1 -F -c full_page_writes=off -c shared_buffers=32MB -c max_connections=200");
            try
            {
                await RunAsync("pg_ctl", ["-D", dataFolder, "-l", Path.Combine(dataFolder, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken).ConfigureAwait(false);
                return new PostgresServer(dataFolder, port, started.Elapsed);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Usually "could not bind" (the error names the cause when the last attempt fails too): another port.
            }
        }
    }

    /// <summary>Connects as the superuser to <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>Creates an empty database of its own; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref _databases)}");
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (its data is thrown away) and deletes its folder.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync("pg_ctl", ["-D", _dataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var executable = Path.Combine(BinFolder.Value!, program);
        if (Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", executable])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var log = arguments.Contains("start") ? ReadLog(arguments[1]) : "";
            throw new InvalidOperationException(
                $"{program} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}{log}");
        }
    }

    private static string ReadLog(string dataFolder)
    {
        var log = Path.Combine(dataFolder, "server.log");
        return File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The newest installed major version, e.g. /usr/lib/postgresql/15/bin.
    private static string? FindBinFolder() =>
        Directory.Exists(SearchedFolder)
            ? Directory.GetDirectories(SearchedFolder)
                .Select(folder => Path.Combine(folder, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;

    private static bool PostgresUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));
}

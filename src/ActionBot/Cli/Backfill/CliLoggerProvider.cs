using System.Text;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// Log lines of a CLI verb on its standard error (standard output is for its report): <c>actionbot: warning: ...</c>,
/// at <paramref name="minimum"/> and above, control characters (ANSI escapes from a postmortem) replaced.
/// </summary>
internal sealed class CliLoggerProvider(TextWriter error, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _sync = new();
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var line = new StringBuilder("actionbot: ").Append(level >= LogLevel.Error ? "error: " : "warning: ").Append(CliText.Clean(message));
        if (exception is not null)
        {
            line.Append(" (").Append(CliText.Clean(exception.Message)).Append(')');
        }

        lock (_sync)
        {
            error.WriteLine(line.ToString());
        }
    }

    private sealed class Logger(CliLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}

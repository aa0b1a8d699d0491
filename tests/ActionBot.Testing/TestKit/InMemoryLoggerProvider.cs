using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActionBot.Testing;

/// <summary>One captured log entry, its message rendered.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <summary>Everything a reader of the log would see, exception included.</summary>
    public string FullText => Exception is null ? Message : Message + Environment.NewLine + Exception;
}

/// <summary>Keeps every log entry in memory, so that a test can assert on what was (or was never) written.</summary>
public sealed class InMemoryLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IReadOnlyList<CapturedLog> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);

            // Structured values too: a secret could hide in a property that the template leaves out.
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                message += " " + string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"));
            }

            entries.Enqueue(new CapturedLog(category, logLevel, eventId, message, exception));
        }
    }
}

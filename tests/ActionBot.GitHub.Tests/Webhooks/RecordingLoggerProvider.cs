using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tests.Webhooks;

internal sealed record LogEntry(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, IReadOnlyList<object?> Scopes, Exception? Exception = null);

/// <summary>Keeps every log entry with its structured state and scopes, for asserting what was (not) logged.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<(Func<LogEntry, bool> Matches, TaskCompletionSource Seen)> _waits = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Completes when an entry that <paramref name="matches"/> has been logged (before or after the call).</summary>
    public Task WaitForAsync(Func<LogEntry, bool> matches)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits.Enqueue((matches, seen));
        if (_entries.Any(matches))
        {
            seen.TrySetResult();
        }

        return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var entry = new LogEntry(category, logLevel, eventId, formatter(state, exception), [.. values], scopes, exception);
            provider._entries.Enqueue(entry);
            foreach (var (matches, seen) in provider._waits.Where(w => w.Matches(entry)))
            {
                seen.TrySetResult();
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionBot.Tests.Infrastructure;

/// <summary>A logger provider that only completes <see cref="Seen"/> the first time one category logs one of some event ids.</summary>
internal sealed class LogSignal(string category, params int[] eventIds) : ILoggerProvider
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int[] _eventIds = eventIds;

    public Task Seen => _seen.Task;

    public ILogger CreateLogger(string categoryName) =>
        string.Equals(categoryName, category, StringComparison.Ordinal) ? new Listener(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Listener(LogSignal owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner._eventIds.Contains(eventId.Id))
            {
                owner._seen.TrySetResult();
            }
        }
    }
}

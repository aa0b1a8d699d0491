using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace ActionBot.Scheduling;

/// <summary>
/// Hangfire's logging is process-wide: one log provider for every host in the process, which <c>AddHangfire</c> points
/// at the logger factory of the host configured last; once a test disposes that host, Hangfire's next logger (a job
/// store built by another host, say) throws <see cref="ObjectDisposedException"/>. This provider sends each line to
/// the host whose Hangfire code wrote it instead: the host's logger factory rides on the execution context, set while
/// the host builds its job store and starts its server (<see cref="Enter"/>), whose threads capture it. A line written
/// outside them (a dashboard request) goes to the last host attached that still runs. With one host, as in production,
/// every line goes to it.
/// </summary>
public sealed class HangfireLogRouter : ILogProvider
{
    public static readonly HangfireLogRouter Instance = new();

    private static readonly AsyncLocal<ILoggerFactory?> Owner = new();
    private static readonly List<ILoggerFactory> Attached = [];
    private static readonly Lock Sync = new();

    private HangfireLogRouter()
    {
    }

    public ILog GetLogger(string name) => new RoutedLog(name);

    /// <summary>Makes <paramref name="loggers"/> the fallback for lines written outside any host's threads, until disposed.</summary>
    public static IDisposable Attach(ILoggerFactory loggers)
    {
        lock (Sync)
        {
            Attached.Add(loggers);
        }

        return new Detach(loggers);
    }

    /// <summary>Until disposed, Hangfire code run (or threads started) from here logs to <paramref name="loggers"/>.</summary>
    public static Scope Enter(ILoggerFactory loggers)
    {
        var previous = Owner.Value;
        Owner.Value = loggers;
        return new Scope(previous);
    }

    private static ILoggerFactory? Current()
    {
        if (Owner.Value is { } owner)
        {
            return owner;
        }

        lock (Sync)
        {
            return Attached.Count == 0 ? null : Attached[^1];
        }
    }

    public readonly struct Scope(ILoggerFactory? previous) : IDisposable
    {
        public void Dispose() => Owner.Value = previous;
    }

    private sealed class Detach(ILoggerFactory loggers) : IDisposable
    {
        public void Dispose()
        {
            lock (Sync)
            {
                Attached.Remove(loggers);
            }
        }
    }

    private sealed class RoutedLog(string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception? exception = null)
        {
            if (Current() is not { } loggers)
            {
                return false;
            }

            try
            {
                return new AspNetCoreLogProvider(loggers).GetLogger(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                // The host stopped while a thread of its store or server still ran: the line has nowhere to go.
                return false;
            }
        }
    }
}

/// <summary>A host's logger factory, attached to <see cref="HangfireLogRouter"/> while the host's container lives.</summary>
internal sealed class HangfireLogAttachment(ILoggerFactory loggers) : IDisposable
{
    private readonly IDisposable _attached = HangfireLogRouter.Attach(loggers);

    public void Dispose() => _attached.Dispose();
}

/// <summary>A hosted service of Hangfire started and stopped in its host's log scope: the threads it starts log to that host.</summary>
internal sealed class HangfireHostedService(IHostedService inner, ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using (HangfireLogRouter.Enter(loggers))
        {
            return inner.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        using (HangfireLogRouter.Enter(loggers))
        {
            return inner.StopAsync(cancellationToken);
        }
    }
}

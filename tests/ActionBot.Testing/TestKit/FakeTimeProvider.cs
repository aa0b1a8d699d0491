namespace ActionBot.Testing;

/// <summary>
/// A clock that moves only when told to. Timers (and so <c>Task.Delay(t, provider)</c>, Polly's waits and
/// <c>CancellationTokenSource</c> time-outs) fire from <see cref="Advance"/>, in due order, on the caller's thread.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock _sync = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TaskCompletionSource _timersChanged = NewSignal();

    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? DefaultStart;

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => TimeZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers armed and not yet fired (one-shot) or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_sync)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>How long from now each armed timer will fire, soonest first.</summary>
    public IReadOnlyList<TimeSpan> PendingTimerDueTimes
    {
        get
        {
            lock (_sync)
            {
                return [.. _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - _now).Order()];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_sync)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_sync)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? due;
            lock (_sync)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt!.Value;
                due.Rearm(_now);
            }

            due.Fire();
            Signal();
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        var now = GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(value, now);
        Advance(value - now);
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are armed (e.g. a retry is waiting).</summary>
    public async Task WaitForPendingTimersAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (_timers.Count(t => t.DueAt is not null) >= count)
                {
                    return;
                }

                changed = _timersChanged.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override string ToString() => $"FakeTimeProvider at {GetUtcNow():O}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        TaskCompletionSource signal;
        lock (_sync)
        {
            signal = _timersChanged;
            _timersChanged = NewSignal();
        }

        signal.TrySetResult();
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        // Guarded by owner._sync.
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (owner._sync)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                if (dueTime == TimeSpan.Zero)
                {
                    // A real timer due now fires at once on the thread pool; so does this one.
                    fireNow = true;
                    Rearm(owner._now);
                }
            }

            if (fireNow)
            {
                ThreadPool.QueueUserWorkItem(_ => Fire());
            }

            owner.Signal();
            return true;
        }

        public void Rearm(DateTimeOffset firedAt) =>
            DueAt = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? firedAt + _period : null;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._sync)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }

            owner.Signal();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

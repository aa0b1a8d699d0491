namespace ActionBot.Testing.GitHub;

/// <summary>
/// Fault injection of the fake. A fault is answered before the fake does anything (GitHub did not act);
/// "create then fail" stores the issue first and then fails the answer (GitHub acted, the caller cannot tell).
/// </summary>
public sealed class FakeGitHubFaults
{
    private readonly Lock _sync = new();
    private readonly Queue<FakeFault> _queued = new();
    private Random _random = new(12345);
    private int _createThenFailQueued;
    private int _attachThenFailQueued;

    /// <summary>Fraction of requests (0 to 1) answered with one of <see cref="Kinds"/>, drawn from a seeded random.</summary>
    public double Rate { get; set; }

    public IReadOnlyList<FakeFault> Kinds { get; set; } = Enum.GetValues<FakeFault>();

    /// <summary>The <c>retry-after</c> of rate-limit faults, in seconds (0 makes retries immediate).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Rate-limit faults come without <c>retry-after</c>, as GitHub's secondary limits sometimes do.</summary>
    public bool OmitRetryAfter { get; set; }

    /// <summary>Which requests may be faulted (method, path); all when null.</summary>
    public Func<string, string, bool>? AppliesTo { get; set; }

    /// <summary>Fraction of issue creations that store the issue and then fail the answer.</summary>
    public double CreateThenFailRate { get; set; }

    public FakeAfterCreateFailure CreateThenFailWith { get; set; } = FakeAfterCreateFailure.BadGateway;

    /// <summary>Faults answered so far (before acting).</summary>
    public int Injected { get; private set; }

    /// <summary>Issues stored whose answer was then failed.</summary>
    public int InjectedAfterCreate { get; private set; }

    /// <summary>Sub-issues attached whose answer was then failed.</summary>
    public int InjectedAfterAttach { get; private set; }

    public void Seed(int seed)
    {
        lock (_sync)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="count"/> requests that <see cref="AppliesTo"/> are answered with <paramref name="fault"/>.</summary>
    public void Enqueue(FakeFault fault, int count = 1)
    {
        lock (_sync)
        {
            for (var i = 0; i < count; i++)
            {
                _queued.Enqueue(fault);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> issue creations store the issue, then fail the answer.</summary>
    public void CreateThenFail(int count = 1)
    {
        lock (_sync)
        {
            _createThenFailQueued += count;
        }
    }

    /// <summary>The next <paramref name="count"/> sub-issue attaches attach it, then fail the answer (502).</summary>
    public void AttachThenFail(int count = 1)
    {
        lock (_sync)
        {
            _attachThenFailQueued += count;
        }
    }

    public void Reset()
    {
        lock (_sync)
        {
            _queued.Clear();
            _createThenFailQueued = 0;
            _attachThenFailQueued = 0;
            Rate = 0;
            CreateThenFailRate = 0;
        }
    }

    internal FakeFault? Draw(string method, string path)
    {
        lock (_sync)
        {
            if (AppliesTo is { } filter && !filter(method, path))
            {
                return null;
            }

            FakeFault? fault = _queued.Count > 0 ? _queued.Dequeue()
                : Rate > 0 && Kinds.Count > 0 && _random.NextDouble() < Rate ? Kinds[_random.Next(Kinds.Count)]
                : null;
            if (fault is not null)
            {
                Injected++;
            }

            return fault;
        }
    }

    internal bool DrawCreateThenFail()
    {
        lock (_sync)
        {
            var fail = _createThenFailQueued > 0 || (CreateThenFailRate > 0 && _random.NextDouble() < CreateThenFailRate);
            if (fail)
            {
                _createThenFailQueued = Math.Max(0, _createThenFailQueued - 1);
                InjectedAfterCreate++;
            }

            return fail;
        }
    }

    internal bool DrawAttachThenFail()
    {
        lock (_sync)
        {
            if (_attachThenFailQueued == 0)
            {
                return false;
            }

            _attachThenFailQueued--;
            InjectedAfterAttach++;
            return true;
        }
    }
}

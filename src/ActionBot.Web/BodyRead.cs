namespace ActionBot.Web;

/// <summary>How reading a request body ended.</summary>
public enum BodyReadStatus
{
    Ok,

    /// <summary>Announced or sent more than the cap: nothing beyond the cap was kept.</summary>
    TooLarge,

    /// <summary>Too many large bodies were being read: this one waited its turn in vain (answer 503 with Retry-After).</summary>
    Busy,

    /// <summary>The sender was too slow: the server's minimum body data rate cut it off.</summary>
    TimedOut,

    /// <summary>The sender went away or broke the framing mid-body.</summary>
    Aborted,
}

/// <summary>A body read by <see cref="RequestBodyReader"/>: the status and, when <see cref="BodyReadStatus.Ok"/>, the bytes (dispose it).</summary>
public sealed record BodyRead(BodyReadStatus Status, PooledBody Body) : IDisposable
{
    public long BytesRead => Body.Length;

    public void Dispose() => Body.Dispose();
}

using System.IO.Pipelines;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Web;

/// <summary>
/// Reads the body of a request whose signature is not checked yet, so anyone may have sent it. Memory follows the bytes
/// that really arrive (pooled buffers, see <see cref="PooledBody"/>), not the length a header announces. Bodies announced
/// above <see cref="GatedAboveBytes"/>, or sent without a length, are read <see cref="ConcurrentLargeReads"/> at a time
/// across the process; others wait their turn for up to <see cref="QueueWait"/>, and beyond that (or beyond
/// <see cref="QueueLimit"/> waiting) are refused as <see cref="BodyReadStatus.Busy"/>. Waiting rather than refusing at
/// once because GitHub never redelivers a failed delivery by itself, and a waiting request holds a socket, not memory.
/// A sender that stops or is too slow ends the read with a status, never an exception: it is an expected event.
/// </summary>
public sealed class RequestBodyReader : IDisposable
{
    /// <summary>Bodies up to this size (GitHub's deliveries and Discord's interactions are a few kilobytes) are read at once.</summary>
    public const int GatedAboveBytes = 1024 * 1024;

    /// <summary>Large bodies read at once: at GitHub's 25 MB cap, 100 MB at worst, within a 384 MB heap.</summary>
    public const int ConcurrentLargeReads = 4;

    public const int QueueLimit = 64;

    /// <summary>GitHub gives up on a delivery after 10 seconds; waiting longer would serve no one.</summary>
    public static readonly TimeSpan QueueWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter _largeReads;
    private readonly TimeSpan _queueWait;
    private readonly TimeProvider _time;

    public RequestBodyReader(TimeProvider time)
        : this(time, ConcurrentLargeReads, QueueLimit, QueueWait)
    {
    }

    internal RequestBodyReader(TimeProvider time, int concurrentLargeReads, int queueLimit, TimeSpan queueWait)
    {
        _time = time;
        _queueWait = queueWait;
        _largeReads = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrentLargeReads,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Reads <paramref name="request"/>'s body, at most <paramref name="maxBytes"/>; the caller disposes the result.</summary>
    public async Task<BodyRead> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return new BodyRead(BodyReadStatus.TooLarge, PooledBody.Empty);
        }

        var large = request.ContentLength is not { } length || length > GatedAboveBytes;
        using var turn = large ? await WaitForTurnAsync(cancellationToken).ConfigureAwait(false) : null;
        if (turn is { IsAcquired: false })
        {
            return new BodyRead(cancellationToken.IsCancellationRequested ? BodyReadStatus.Aborted : BodyReadStatus.Busy, PooledBody.Empty);
        }

        var body = new PooledBody();
        var status = await CopyAsync(request.BodyReader, body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (status != BodyReadStatus.Ok)
        {
            body.Dispose();
        }

        return new BodyRead(status, body);
    }

    public void Dispose() => _largeReads.Dispose();

    private async Task<RateLimitLease> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_queueWait, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _largeReads.AcquireAsync(1, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Refused.Lease;
        }
    }

    private static async Task<BodyReadStatus> CopyAsync(PipeReader reader, PooledBody body, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (read.IsCanceled)
                {
                    return BodyReadStatus.Aborted;
                }

                var buffer = read.Buffer;
                if (body.Length + buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    return BodyReadStatus.TooLarge;
                }

                body.Append(buffer);
                reader.AdvanceTo(buffer.End);
                if (read.IsCompleted)
                {
                    return BodyReadStatus.Ok;
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits: the minimum data rate (408) and its maximum body size (413); anything else is broken framing.
            return e.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => BodyReadStatus.TimedOut,
                StatusCodes.Status413PayloadTooLarge => BodyReadStatus.TooLarge,
                _ => BodyReadStatus.Aborted,
            };
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client reset or closed the connection (ConnectionResetException is an IOException), or the request was aborted.
            return BodyReadStatus.Aborted;
        }
    }

    // A lease that grants nothing: the wait for a turn ran out or the request went away.
    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Lease = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

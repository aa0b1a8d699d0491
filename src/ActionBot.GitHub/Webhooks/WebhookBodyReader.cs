using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace ActionBot.GitHub.Webhooks;

public enum WebhookBodyStatus
{
    Ok,
    TooLarge,
}

public readonly record struct WebhookBodyReadResult(WebhookBodyStatus Status, ReadOnlyMemory<byte> Body)
{
    public static WebhookBodyReadResult TooLarge => new(WebhookBodyStatus.TooLarge, ReadOnlyMemory<byte>.Empty);
}

/// <summary>
/// Reads a request body as bytes under a size cap. With a Content-Length (how GitHub sends) the bytes
/// land straight in one exact-size array; a chunked body grows in pooled buffers and is copied out once.
/// Never holds more than the cap plus one read.
/// </summary>
public static class WebhookBodyReader
{
    /// <summary>GitHub caps payloads at 25 MB and does not deliver larger ones.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    private const int InitialChunkedBuffer = 16 * 1024;

    public static ValueTask<WebhookBodyReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, MaxBodyBytes, cancellationToken);

    public static ValueTask<WebhookBodyReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        return request.ContentLength switch
        {
            { } length when length > maxBytes => ValueTask.FromResult(WebhookBodyReadResult.TooLarge),
            { } length => ReadDeclaredAsync(request.BodyReader, (int)length, cancellationToken),
            null => ReadChunkedAsync(request.BodyReader, maxBytes, cancellationToken),
        };
    }

    private static async ValueTask<WebhookBodyReadResult> ReadDeclaredAsync(PipeReader reader, int length, CancellationToken cancellationToken)
    {
        var body = length == 0 ? [] : GC.AllocateUninitializedArray<byte>(length);
        var filled = 0;
        while (true)
        {
            var read = await ReadOnceAsync(reader, cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;

            // The server stops at Content-Length; anything beyond it would not be signed content we read.
            var take = (int)Math.Min(buffer.Length, length - filled);
            buffer.Slice(0, take).CopyTo(body.AsSpan(filled));
            filled += take;
            reader.AdvanceTo(buffer.GetPosition(take));

            if (read.IsCompleted || filled == length)
            {
                return new WebhookBodyReadResult(WebhookBodyStatus.Ok, body.AsMemory(0, filled));
            }
        }
    }

    private static async ValueTask<WebhookBodyReadResult> ReadChunkedAsync(PipeReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        var pool = ArrayPool<byte>.Shared;
        var rented = pool.Rent(Math.Min(InitialChunkedBuffer, maxBytes + 1));
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await ReadOnceAsync(reader, cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (filled + buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    return WebhookBodyReadResult.TooLarge;
                }

                var needed = filled + (int)buffer.Length;
                if (needed > rented.Length)
                {
                    var larger = pool.Rent((int)Math.Min(Math.Max((long)rented.Length * 2, needed), maxBytes));
                    rented.AsSpan(0, filled).CopyTo(larger);
                    pool.Return(rented);
                    rented = larger;
                }

                buffer.CopyTo(rented.AsSpan(filled));
                filled = needed;
                reader.AdvanceTo(buffer.End);

                if (read.IsCompleted)
                {
                    // The sink may keep the body after the request ends, so it gets an array of its own.
                    return new WebhookBodyReadResult(WebhookBodyStatus.Ok, rented.AsSpan(0, filled).ToArray());
                }
            }
        }
        finally
        {
            pool.Return(rented);
        }
    }

    // A cancelled read must not pass for the end of the body.
    private static async ValueTask<ReadResult> ReadOnceAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (read.IsCanceled)
        {
            throw new OperationCanceledException("Reading the webhook body was cancelled.", cancellationToken);
        }

        return read;
    }
}

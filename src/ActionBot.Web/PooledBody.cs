using System.Buffers;

namespace ActionBot.Web;

/// <summary>
/// The bytes of one request body, in buffers rented from the shared pool as they arrive (never one allocation of a
/// length the sender announced) and given back on <see cref="Dispose"/>. Verify over <see cref="Segments"/>; copy out
/// with <see cref="ToArray"/> only what has been verified.
/// </summary>
public sealed class PooledBody : IDisposable
{
    /// <summary>Size of each pooled buffer: a typical delivery fits in a few, and the pool keeps buffers of this size at hand.</summary>
    public const int SegmentSize = 16 * 1024;

    private readonly List<byte[]> _segments = [];

    public static PooledBody Empty => new();

    public long Length { get; private set; }

    /// <summary>The bytes in order, one memory per pooled buffer; valid until <see cref="Dispose"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments
    {
        get
        {
            var left = Length;
            foreach (var segment in _segments)
            {
                var count = (int)Math.Min(left, SegmentSize);
                left -= count;
                yield return segment.AsMemory(0, count);
            }
        }
    }

    /// <summary>One array of exactly <see cref="Length"/> bytes, for a body that has passed its signature check.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var offset = 0;
        foreach (var segment in Segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(offset));
            offset += segment.Length;
        }

        return bytes;
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        Length = 0;
    }

    internal void Append(ReadOnlySequence<byte> data)
    {
        while (!data.IsEmpty)
        {
            var used = (int)(Length % SegmentSize);
            if (used == 0)
            {
                _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
            }

            var take = (int)Math.Min(data.Length, SegmentSize - used);
            data.Slice(0, take).CopyTo(_segments[^1].AsSpan(used, take));
            data = data.Slice(take);
            Length += take;
        }
    }
}

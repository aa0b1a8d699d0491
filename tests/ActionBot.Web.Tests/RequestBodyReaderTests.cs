using System.IO.Pipelines;
using ActionBot.Testing;
using ActionBot.Web;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Web.Tests;

public sealed class RequestBodyReaderTests : IDisposable
{
    private const int Cap = 64 * 1024;

    private readonly FakeTimeProvider _clock = new();
    private readonly RequestBodyReader _reader;

    public RequestBodyReaderTests() => _reader = new RequestBodyReader(_clock);

    public void Dispose() => _reader.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25_000)]
    [InlineData(Cap)]
    public async Task A_body_up_to_the_cap_is_read_whole_with_or_without_a_declared_length(int length)
    {
        var bytes = Bytes(length);

        using var declared = await _reader.ReadAsync(Request(bytes, declareLength: true), Cap, CancellationToken.None);
        using var chunked = await _reader.ReadAsync(Request(bytes, declareLength: false), Cap, CancellationToken.None);

        Assert.Equal(BodyReadStatus.Ok, declared.Status);
        Assert.Equal(bytes, declared.Body.ToArray());
        Assert.Equal(bytes, chunked.Body.ToArray());
        Assert.Equal(bytes, chunked.Body.Segments.SelectMany(s => s.ToArray()));
        Assert.All(chunked.Body.Segments, s => Assert.InRange(s.Length, 1, PooledBody.SegmentSize));
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_too_large_without_reading_the_body()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = Cap + 1;
        context.Request.Body = new UnreadableStream();

        using var read = await _reader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(BodyReadStatus.TooLarge, read.Status);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_too_large_and_read_little_beyond_it()
    {
        var stream = new TrickleStream(Bytes(Cap * 4), 4096);
        var context = new DefaultHttpContext();
        context.Request.Body = stream;

        using var read = await _reader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(BodyReadStatus.TooLarge, read.Status);
        Assert.Equal(0, read.BytesRead);
        Assert.InRange(stream.Position, Cap + 1, Cap * 2);
    }

    [Fact]
    public async Task Memory_follows_the_bytes_that_arrive_not_the_length_announced()
    {
        var body = new Pipe();
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 25 * 1024 * 1024;
        context.Request.Body = body.Reader.AsStream();

        var reading = _reader.ReadAsync(context.Request, 25 * 1024 * 1024, CancellationToken.None);
        await body.Writer.WriteAsync(Bytes(100));
        await body.Writer.CompleteAsync();
        using var read = await reading;

        // The sender announced 25 MB and sent 100 bytes: one pooled buffer was used.
        Assert.Equal(BodyReadStatus.Ok, read.Status);
        Assert.Single(read.Body.Segments);
    }

    [Fact]
    public async Task Large_bodies_take_turns_small_ones_pass_and_a_wait_that_runs_out_is_busy()
    {
        using var reader = new RequestBodyReader(_clock, concurrentLargeReads: 1, queueLimit: 1, queueWait: TimeSpan.FromSeconds(10));
        var first = new Pipe();
        var firstRead = reader.ReadAsync(Unbounded(first), Cap, CancellationToken.None);
        var second = reader.ReadAsync(Unbounded(new Pipe()), Cap, CancellationToken.None);

        using var third = await reader.ReadAsync(Unbounded(new Pipe()), Cap, CancellationToken.None);
        using var small = await reader.ReadAsync(Request(Bytes(10), declareLength: true), Cap, CancellationToken.None);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(10));
        using var secondRead = await second;
        await first.Writer.WriteAsync(Bytes(10));
        await first.Writer.CompleteAsync();

        Assert.Equal(BodyReadStatus.Busy, third.Status);
        Assert.Equal(BodyReadStatus.Ok, small.Status);
        Assert.Equal(BodyReadStatus.Busy, secondRead.Status);
        Assert.Equal(BodyReadStatus.Ok, (await firstRead).Status);
    }

    [Fact]
    public async Task A_turn_freed_by_a_finished_read_goes_to_the_one_waiting()
    {
        using var reader = new RequestBodyReader(_clock, concurrentLargeReads: 1, queueLimit: 1, queueWait: TimeSpan.FromSeconds(10));
        var first = new Pipe();
        var firstRead = reader.ReadAsync(Unbounded(first), Cap, CancellationToken.None);
        var second = new Pipe();
        var secondRead = reader.ReadAsync(Unbounded(second), Cap, CancellationToken.None);

        await first.Writer.CompleteAsync();
        using var firstDone = await firstRead;
        await second.Writer.CompleteAsync();
        using var secondDone = await secondRead;

        Assert.Equal(BodyReadStatus.Ok, secondDone.Status);
    }

    [Theory]
    [InlineData(StatusCodes.Status408RequestTimeout, BodyReadStatus.TimedOut)]
    [InlineData(StatusCodes.Status400BadRequest, BodyReadStatus.Aborted)]
    public async Task A_sender_cut_off_by_the_server_ends_the_read_with_a_status_not_an_exception(int status, BodyReadStatus expected)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 1000;
        context.Request.Body = new FailingStream(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", status));

        using var read = await _reader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(expected, read.Status);
    }

    [Fact]
    public async Task A_sender_that_goes_away_ends_the_read_as_aborted()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = 1000;
        context.Request.Body = new FailingStream(new IOException("The client reset the request stream."));

        using var read = await _reader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(BodyReadStatus.Aborted, read.Status);
    }

    private static HttpRequest Unbounded(Pipe body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body.Reader.AsStream();
        return context.Request;
    }

    private static HttpRequest Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();

        // Small reads, so bodies arrive in many pieces and fill several buffers.
        context.Request.Body = new TrickleStream(body, 4096);
        if (declareLength)
        {
            context.Request.ContentLength = body.Length;
        }

        return context.Request;
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, maxRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, maxRead), cancellationToken);
    }

    private class FailingStream(Exception failure) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(failure);
    }

    private sealed class UnreadableStream() : FailingStream(new InvalidOperationException("the body must not be read"));
}

using ActionBot.GitHub.Webhooks;
using Microsoft.AspNetCore.Http;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class WebhookBodyReaderTests
{
    private const int Cap = 64 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25_000)]
    [InlineData(Cap)]
    public async Task DeclaredLength_UpToTheCap_IsReadWhole(int length)
    {
        var body = Bytes(length);

        var result = await WebhookBodyReader.ReadAsync(Request(body, declareLength: true), Cap, CancellationToken.None);

        Assert.Equal(WebhookBodyStatus.Ok, result.Status);
        Assert.Equal(body, result.Body.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25_000)]
    [InlineData(Cap)]
    public async Task ChunkedBody_UpToTheCap_IsReadWhole(int length)
    {
        var body = Bytes(length);

        var result = await WebhookBodyReader.ReadAsync(Request(body, declareLength: false), Cap, CancellationToken.None);

        Assert.Equal(WebhookBodyStatus.Ok, result.Status);
        Assert.Equal(body, result.Body.ToArray());
    }

    [Fact]
    public async Task DeclaredLengthOverTheCap_IsTooLarge_WithoutReadingTheBody()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentLength = Cap + 1;
        context.Request.Body = new UnreadableStream();

        var result = await WebhookBodyReader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(WebhookBodyStatus.TooLarge, result.Status);
    }

    [Fact]
    public async Task ChunkedBodyOverTheCap_IsTooLarge()
    {
        var result = await WebhookBodyReader.ReadAsync(Request(Bytes(Cap + 1), declareLength: false), Cap, CancellationToken.None);

        Assert.Equal(WebhookBodyStatus.TooLarge, result.Status);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task ChunkedBodyOverTheCap_StopsReadingSoonAfterTheCap()
    {
        var stream = new CountingStream(Bytes(Cap * 4));
        var context = new DefaultHttpContext();
        context.Request.Body = stream;

        var result = await WebhookBodyReader.ReadAsync(context.Request, Cap, CancellationToken.None);

        Assert.Equal(WebhookBodyStatus.TooLarge, result.Status);
        Assert.InRange(stream.Position, Cap + 1, Cap * 2);
    }

    [Fact]
    public void DefaultCap_IsGitHubs25Megabytes()
    {
        Assert.Equal(26_214_400, WebhookBodyReader.MaxBodyBytes);
    }

    private static HttpRequest Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();
        // Small reads, so chunked bodies arrive in many pieces and the buffer has to grow.
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

    private sealed class CountingStream(byte[] data) : MemoryStream(data, writable: false);

    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body must not be read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the body must not be read");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the body must not be read");
    }
}

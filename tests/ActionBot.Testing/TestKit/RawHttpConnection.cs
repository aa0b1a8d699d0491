using System.Net.Sockets;
using System.Text;

namespace ActionBot.Testing;

/// <summary>
/// One HTTP/1.1 request written by hand on a socket, as a hostile or broken sender writes it: headers that announce a
/// body, then as much of it as the test wants, or none; the connection held open or dropped mid-body. Reads the status
/// line of whatever answer comes.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly Task<int?> _status;

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _status = ReadStatusAsync(client.GetStream());
    }

    /// <summary>The answer's status code, once one has come (null: none yet, or the connection closed without one).</summary>
    public int? StatusCode => _status.IsCompletedSuccessfully ? _status.Result : null;

    /// <summary>Completes with the answer's status code (null when the server closed the connection without one).</summary>
    public Task<int?> StatusAsync => _status;

    /// <summary>Connects to <paramref name="server"/> and writes a POST to <paramref name="path"/> with <paramref name="headers"/>, then <paramref name="body"/> (none by default).</summary>
    public static async Task<RawHttpConnection> PostAsync(Uri server, string path, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(headers);
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port).ConfigureAwait(false);
        var text = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text.Append("\r\n").ToString())).ConfigureAwait(false);
        if (body is not null)
        {
            await stream.WriteAsync(body).ConfigureAwait(false);
        }

        return new RawHttpConnection(client);
    }

    /// <summary>Drops the connection at once (a reset, as a sender that crashes or gives up mid-body).</summary>
    public void Abort()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    public void Dispose() => _client.Dispose();

    private static async Task<int?> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer).ConfigureAwait(false);

        // "HTTP/1.1 401 Unauthorized": the code is the second word of the first line.
        var words = Encoding.ASCII.GetString(buffer, 0, read).Split(' ', 3);
        return read > 0 && words.Length > 1 && int.TryParse(words[1], out var code) ? code : null;
    }
}

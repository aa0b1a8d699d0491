using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.ReadAccess;

/// <summary>Requests to the bot on loopback, shaped as they arrive from this machine, from a proxy, or from elsewhere.</summary>
internal static class ReadRequests
{
    public const string Token = "read-token-3f9a7c1e5b2d4f60";

    /// <summary>A client elsewhere, as a same-host reverse proxy forwards it (the peer is loopback, the header says who).</summary>
    public static readonly (string, string) FromElsewhere = ("X-Forwarded-For", "203.0.113.7");

    public static (string, string) Bearer(string token) => ("Authorization", $"Bearer {token}");

    /// <summary><c>serve</c> with <see cref="Token"/> as its read token, and any other settings a test gives.</summary>
    public static Task<ServeApplication> StartWithTokenAsync(Action<Dictionary<string, string?>>? settings = null) =>
        ServeApplication.StartAsync(s =>
        {
            s["ActionBot:Dashboard:ReadToken"] = Token;
            settings?.Invoke(s);
        });

    public static Task<HttpResponseMessage> GetAsync(this ServeApplication app, string path, params (string Name, string Value)[] headers) =>
        app.SendAsync(HttpMethod.Get, path, null, headers);

    public static Task<HttpResponseMessage> SignInAsync(this ServeApplication app, string token, params (string Name, string Value)[] headers) =>
        app.SendAsync(HttpMethod.Post, "/login", new FormUrlEncodedContent([new("token", token)]), headers);

    public static async Task<HttpResponseMessage> SendAsync(this ServeApplication app, HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await app.Client.SendAsync(request);
    }
}

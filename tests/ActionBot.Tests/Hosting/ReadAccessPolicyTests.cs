using System.Net;
using System.Net.Http.Headers;
using ActionBot.Hosting;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Hosting;

/// <summary>Reads (<c>/</c>, <c>/api/*</c>, <c>/metrics</c>, <c>/hangfire</c>) on loopback, exposed without a token, and with a token.</summary>
public sealed class ReadAccessPolicyTests
{
    private const string Token = "read-token-3f9a7c1e5b2d4f60";

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://bot.example.test:5080", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, ReadAccessPolicy.IsLoopback(address));

    [Fact]
    public async Task On_loopback_without_a_token_reads_are_served()
    {
        await using var app = await ServeApplication.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri("/api/action-items", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/action-items")]
    [InlineData("/metrics")]
    [InlineData("/hangfire/recurring")]
    public async Task Exposed_without_a_token_reads_are_refused_and_probes_still_answer(string path)
    {
        await using var app = await ServeApplication.StartExposedAsync();

        using var read = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        using var health = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("ActionBot:Dashboard:ReadToken", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Exposed_with_a_token_a_read_needs_it_as_bearer_or_as_the_cookie_its_form_leaves()
    {
        await using var app = await ServeApplication.StartExposedAsync(s => s["ActionBot:Dashboard:ReadToken"] = Token);

        using var none = await app.Client.GetAsync(new Uri("/api/action-items", UriKind.Relative));
        using var wrong = await Get(app, "/api/action-items", bearer: Token + "x");
        using var bearer = await Get(app, "/api/action-items", bearer: Token);
        using var page = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var badLogin = await app.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", "nope")]));
        using var login = await app.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", Token)]));
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        using var withCookie = await Get(app, "/?state=all", cookie: cookie.Split(';')[0]);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/login\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        Assert.Empty(app.Logs.Entries.Where(e => e.FullText.Contains(Token, StringComparison.Ordinal)).Select(e => $"{e.Category} {e.Level}: {e.FullText}"));
    }

    [Fact]
    public async Task A_read_token_shorter_than_16_characters_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await ServeApplication.StartAsync(s => s["ActionBot:Dashboard:ReadToken"] = "short");
        });

        Assert.Contains("ActionBot:Dashboard:ReadToken", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Get(ServeApplication app, string path, string? bearer = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return app.Client.SendAsync(request);
    }
}

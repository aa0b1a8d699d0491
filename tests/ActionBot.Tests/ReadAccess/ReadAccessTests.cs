using System.Net;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.ReadAccess.ReadRequests;

namespace ActionBot.Tests.ReadAccess;

/// <summary>
/// INTERFACES §2, judged by the request: open without a token only to this machine itself (a loopback peer and no
/// forwarding header, or a trusted proxy forwarding a loopback client); every other read needs the read token.
/// </summary>
public sealed class ReadAccessTests
{
    public static TheoryData<string> Reads() => ["/", "/api/action-items", "/metrics"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_from_this_machine_is_open_without_a_token(string path)
    {
        await using var app = await StartWithTokenAsync();

        using var read = await app.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task Behind_a_same_host_proxy_that_is_not_trusted_every_read_needs_the_token(string header, string value)
    {
        await using var app = await StartWithTokenAsync();

        foreach (var path in new[] { "/", "/api/action-items", "/metrics" })
        {
            using var refused = await app.GetAsync(path, (header, value));
            using var allowed = await app.GetAsync(path, (header, value), Bearer(Token));

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_configured_token_a_read_from_elsewhere_is_refused_and_told_which_key_to_set()
    {
        await using var app = await ServeApplication.StartAsync();

        using var api = await app.GetAsync("/api/action-items", FromElsewhere);
        using var page = await app.GetAsync("/", FromElsewhere);
        using var health = await app.GetAsync("/healthz", FromElsewhere);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("ActionBot:Dashboard:ReadToken", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/login\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1, 203.0.113.7", HttpStatusCode.Unauthorized)]
    [InlineData("203.0.113.7, 127.0.0.1", HttpStatusCode.OK)]
    [InlineData("not-an-address", HttpStatusCode.Unauthorized)]
    public async Task A_trusted_proxy_is_believed_about_the_client_it_saw(string forwardedFor, HttpStatusCode expected)
    {
        await using var app = await ServeApplication.StartAsync(s => s["ActionBot:Dashboard:TrustedProxies:0"] = "127.0.0.1");

        using var read = await app.GetAsync("/api/action-items", ("X-Forwarded-For", forwardedFor));

        Assert.Equal(expected, read.StatusCode);
    }

    [Fact]
    public async Task Only_the_listed_proxies_are_believed_not_loopback_ones_by_default()
    {
        await using var app = await ServeApplication.StartAsync(s => s["ActionBot:Dashboard:TrustedProxies:0"] = "10.0.0.0/8");

        using var read = await app.GetAsync("/api/action-items", ("X-Forwarded-For", "127.0.0.1"));

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task A_client_cannot_pose_as_what_a_trusted_proxy_would_have_recorded()
    {
        await using var app = await ServeApplication.StartAsync();

        using var read = await app.GetAsync("/api/action-items", FromElsewhere, ("X-Original-For", "127.0.0.1:5000"));

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_refused_even_from_this_machine()
    {
        await using var app = await StartWithTokenAsync();

        using var wrong = await app.GetAsync("/api/action-items", Bearer(Token + "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Where_the_token_is_required_for_every_read_this_machine_needs_it_too()
    {
        await using var app = await StartWithTokenAsync(s => s["ActionBot:Dashboard:RequireToken"] = "true");

        using var local = await app.GetAsync("/api/action-items");
        using var withToken = await app.GetAsync("/api/action-items", Bearer(Token));
        using var probe = await app.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.Unauthorized, local.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task Api_answers_are_never_stored_by_a_cache()
    {
        await using var app = await StartWithTokenAsync();

        using var items = await app.GetAsync("/api/action-items", FromElsewhere, Bearer(Token));
        using var refused = await app.GetAsync("/api/action-items", FromElsewhere);

        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        Assert.True(items.Headers.CacheControl?.NoStore);
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task No_read_token_reaches_a_log_line()
    {
        await using var app = await StartWithTokenAsync();

        using var bearer = await app.GetAsync("/api/action-items", FromElsewhere, Bearer(Token));
        using var wrong = await app.GetAsync("/api/action-items", FromElsewhere, Bearer("wrong-" + Token));
        using var login = await app.SignInAsync(Token, FromElsewhere);

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Empty(app.Logs.Entries.Where(e => e.FullText.Contains(Token, StringComparison.Ordinal)).Select(e => $"{e.Category} {e.Level}: {e.FullText}"));
    }
}

using System.Net;
using ActionBot.ReadAccess;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.ReadAccess.ReadRequests;

namespace ActionBot.Tests.ReadAccess;

/// <summary><c>/login</c>: a session cookie that is not the token, its flags, cross-site posts and guessing refused.</summary>
public sealed class LoginEndpointsTests
{
    [Fact]
    public async Task Signing_in_leaves_a_session_cookie_that_is_not_the_token_and_opens_the_reads()
    {
        await using var app = await StartWithTokenAsync();

        using var form = await app.GetAsync("/login", FromElsewhere);
        using var wrong = await app.SignInAsync("not-the-token", FromElsewhere);
        using var signedIn = await app.SignInAsync(Token, FromElsewhere);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        var session = cookie.Split(';')[0];
        using var page = await app.GetAsync("/?state=all", FromElsewhere, ("Cookie", session));
        using var forged = await app.GetAsync("/", FromElsewhere, ("Cookie", $"{ReadToken.CookieName}={Token}"));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.StartsWith($"{ReadToken.CookieName}=v1.", session, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_Secure_when_a_trusted_proxy_says_the_original_request_was_https()
    {
        await using var app = await StartWithTokenAsync(s => s["ActionBot:Dashboard:TrustedProxies:0"] = "127.0.0.1");

        using var viaProxy = await app.SignInAsync(Token, FromElsewhere, ("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.SeeOther, viaProxy.StatusCode);
        Assert.Contains("secure", viaProxy.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_that_is_no_trusted_proxy_cannot_claim_https()
    {
        await using var app = await StartWithTokenAsync();

        using var direct = await app.SignInAsync(Token, FromElsewhere, ("X-Forwarded-Proto", "https"));

        Assert.DoesNotContain("secure", direct.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_sign_in_posted_from_another_site_is_refused(string header, string value)
    {
        await using var app = await StartWithTokenAsync();

        using var posted = await app.SignInAsync(Token, FromElsewhere, (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(posted.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_sign_in_from_the_page_itself_is_taken()
    {
        await using var app = await StartWithTokenAsync();

        using var posted = await app.SignInAsync(Token, FromElsewhere, ("Sec-Fetch-Site", "same-origin"), ("Origin", app.Address.GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
    }

    [Fact]
    public async Task Guessing_is_rate_limited_per_client()
    {
        await using var app = await StartWithTokenAsync(s => s["ActionBot:Dashboard:TrustedProxies:0"] = "127.0.0.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= LoginEndpoints.AttemptsPerMinute; i++)
        {
            using var guess = await app.SignInAsync($"guess-{i}", FromElsewhere);
            answers.Add(guess.StatusCode);
        }

        using var limited = await app.SignInAsync(Token, FromElsewhere);
        using var otherClient = await app.SignInAsync(Token, ("X-Forwarded-For", "198.51.100.20"));

        Assert.All(answers.Take(LoginEndpoints.AttemptsPerMinute), a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.SeeOther, otherClient.StatusCode);
    }
}

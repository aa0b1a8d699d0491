using ActionBot.ReadAccess;
using ActionBot.Testing;
using Microsoft.Extensions.Options;

namespace ActionBot.Tests.ReadAccess;

public sealed class ReadTokenTests
{
    private const string Token = "read-token-3f9a7c1e5b2d4f60";

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_session_lasts_its_lifetime_and_no_longer()
    {
        var token = Create(Token);
        var session = token.NewSession();

        Assert.True(token.IsValidSession(session));
        _clock.Advance(ReadToken.SessionLifetime - TimeSpan.FromSeconds(1));
        Assert.True(token.IsValidSession(session));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(token.IsValidSession(session));
    }

    [Fact]
    public void A_session_is_valid_on_every_replica_with_the_same_token_and_dies_with_a_new_token()
    {
        var session = Create(Token).NewSession();

        Assert.True(Create(Token).IsValidSession(session));
        Assert.False(Create(Token + "-rotated").IsValidSession(session));
        Assert.False(Create(null).IsValidSession(session));
    }

    [Theory]
    [InlineData("")]
    [InlineData(Token)]
    [InlineData("v1.99999999999.")]
    [InlineData("v2.99999999999.AAAA")]
    [InlineData("v1.-1.AAAA")]
    public void A_value_the_bot_did_not_sign_is_no_session(string value) => Assert.False(Create(Token).IsValidSession(value));

    [Fact]
    public void A_session_cannot_be_lengthened_by_editing_its_expiry()
    {
        var parts = Create(Token).NewSession().Split('.');

        Assert.False(Create(Token).IsValidSession($"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86400}.{parts[2]}"));
    }

    [Fact]
    public void Only_the_exact_token_matches()
    {
        var token = Create(Token);

        Assert.True(token.Matches(Token));
        Assert.False(token.Matches(Token[..^1]));
        Assert.False(token.Matches(Token + " "));
        Assert.False(token.Matches(null));
        Assert.False(Create(null).Matches(""));
    }

    private ReadToken Create(string? token) => new(Options.Create(new ReadAccessOptions { ReadToken = token }), _clock);
}

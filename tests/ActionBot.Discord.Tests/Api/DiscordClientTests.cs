using ActionBot.Core.Observability;
using ActionBot.Discord.Api;
using ActionBot.Testing;
using ActionBot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Tests.Api;

public sealed class DiscordClientTests : IAsyncLifetime, IDisposable
{
    private const string Channel = "960000000000000001";
    private readonly FakeTimeProvider _clock = new();
    private readonly MetricsRecorder _metrics = new();
    private FakeDiscordServer _discord = null!;
    private HttpClient _http = null!;
    private DiscordClient _client = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync(_clock);
        var options = Options.Create(new DiscordOptions
        {
            ApiBaseUrl = _discord.BaseAddress,
            ApplicationId = FakeDiscordServer.ApplicationId,
            BotToken = FakeDiscordServer.BotToken,
            GuildId = "910000000000000001",
            RetryBaseDelay = TimeSpan.Zero,
            RequestTimeout = TimeSpan.Zero, // a time-out timer would fire whenever the test moves the clock
        });
        _http = new HttpClient { BaseAddress = _discord.BaseAddress };
        var metrics = new ActionBotMetrics(_metrics);
        var resilience = new DiscordResilience(options, new DiscordRateLimiter(_clock, metrics), _clock, NullLogger<DiscordResilience>.Instance);
        _client = new DiscordClient(_http, options, resilience, NullLogger<DiscordClient>.Instance, metrics);
    }

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _metrics.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_message_arrives_once(bool global)
    {
        _discord.Faults.RateLimitNext(2.5, global);
        var started = _clock.GetUtcNow();

        var sending = _client.CreateMessageAsync(Channel, "hello", AllowedMentions.None, "nonce-1", CancellationToken.None);
        await _clock.WaitForPendingTimersAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(_discord.Messages);
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        var message = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        var received = Assert.Single(_discord.Messages);
        Assert.Equal(message.Id, received.Id);
        Assert.True(received.ReceivedAt - started >= TimeSpan.FromSeconds(2.5));
        Assert.Equal(Array.Empty<string>(), received.AllowedParse);
        var wait = Assert.Single(_metrics.Of("actionbot.ratelimit.wait.duration"));
        Assert.Equal(("discord", 2.5), (wait.Tag("service"), wait.Value));
        var calls = _metrics.Of("actionbot.discord.call.duration");
        Assert.Equal(["429", "200"], calls.Select(c => c.Tag("status")));
        Assert.All(calls, c => Assert.Equal(("POST", "channels/{id}/messages"), (c.Tag("method"), c.Tag("route"))));
        Assert.Equal(0, calls.Sum(c => c.Value)); // timed on the fake clock, which moved only for the wait: a call's latency leaves the wait out
    }

    [Fact]
    public async Task A_5xx_is_retried_and_a_resend_after_discord_acted_is_deduplicated_by_the_nonce()
    {
        _discord.Faults.FailAfterCreate = 1;

        var message = await _client.CreateMessageAsync(Channel, "once", AllowedMentions.OnlyUsers(["900000000000000001"]), "nonce-2", CancellationToken.None);

        var received = Assert.Single(_discord.Messages);
        Assert.Equal(received.Id, message.Id);
        Assert.Equal(["900000000000000001"], received.AllowedUsers);
        Assert.Equal(2, _discord.Requests.Count(r => r.EndsWith("/messages", StringComparison.Ordinal)));
        Assert.Equal(["500", "200"], _metrics.Of("actionbot.discord.call.duration").Select(c => c.Tag("status")));
    }

    [Fact]
    public async Task A_dm_opens_the_dm_channel_first_and_remembers_it()
    {
        var first = await _client.OpenDmChannelAsync("900000000000000009", CancellationToken.None);
        var second = await _client.OpenDmChannelAsync("900000000000000009", CancellationToken.None);
        await _client.CreateMessageAsync(first, "dm", AllowedMentions.None, null, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(_discord.DmChannelOf("900000000000000009"), first);
        Assert.Single(_discord.Requests, r => r.EndsWith("/users/@me/channels", StringComparison.Ordinal));
        Assert.Equal(first, Assert.Single(_discord.Messages).ChannelId);
    }

    [Fact]
    public async Task A_message_over_2000_characters_is_a_permanent_error()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _client.CreateMessageAsync(Channel, new string('x', 2001), AllowedMentions.None, null, CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Equal(50035, error.Code);
    }

    [Fact]
    public async Task Follow_ups_and_edits_reach_the_interaction_webhook_without_the_bot_token()
    {
        await _client.EditOriginalResponseAsync("tok", "first", AllowedMentions.None, CancellationToken.None);
        await _client.CreateFollowUpAsync("tok", "second", AllowedMentions.None, ephemeral: true, CancellationToken.None);

        Assert.Equal(["first", "second"], _discord.Messages.Select(m => m.Content));
        Assert.True(_discord.Messages[1].Ephemeral);
        Assert.Equal(["webhooks/{id}/{token}/messages/@original", "webhooks/{id}/{token}"], _metrics.Of("actionbot.discord.call.duration").Select(c => c.Tag("route")));
    }
}

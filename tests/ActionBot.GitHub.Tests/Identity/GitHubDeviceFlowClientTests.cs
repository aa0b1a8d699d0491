using ActionBot.Core.Ports;
using ActionBot.GitHub.Identity;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tests.Identity;

/// <summary>The device-flow client against the fake GitHub on loopback, polled on a fake clock.</summary>
public sealed class GitHubDeviceFlowClientTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "Iv23liFakeActionBot01";
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryLoggerProvider _logs = new();
    private FakeGitHubServer _github = null!;
    private ServiceProvider _services = null!;

    private IGitHubDeviceFlow Flow => _services.GetRequiredService<IGitHubDeviceFlow>();

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync(_clock);
        _github.DeviceFlow.RegisterClient(ClientId);
        _services = Services(ClientId);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _github.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task A_flow_starts_at_the_web_host_and_gives_the_code_the_page_and_githubs_timing()
    {
        var start = await Flow.StartAsync(CancellationToken.None);

        var code = _github.DeviceFlow.LatestCode;
        var authorization = Assert.IsType<DeviceAuthorization>(start.Authorization);
        Assert.Equal(code.DeviceCode, authorization.DeviceCode);
        Assert.Equal(code.UserCode, authorization.UserCode);
        Assert.Equal(new Uri(_github.BaseAddress, "login/device"), authorization.VerificationUri);
        Assert.Equal(TimeSpan.FromSeconds(900), authorization.ExpiresIn);
        Assert.Equal(TimeSpan.FromSeconds(5), authorization.Interval);
        var request = Assert.Single(_github.RequestsTo("POST", "/login/device/code"));
        Assert.Equal("client_id=" + ClientId, request.Body);
        Assert.Equal("application/json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task Polls_say_pending_then_who_signed_in_and_the_token_is_neither_kept_nor_logged()
    {
        var authorization = (await Flow.StartAsync(CancellationToken.None)).Authorization!;
        _clock.Advance(authorization.Interval);
        var pending = await Flow.PollAsync(authorization.DeviceCode, CancellationToken.None);

        _github.DeviceFlow.SignIn(authorization.UserCode, "Octo-Cat");
        _clock.Advance(authorization.Interval);
        var signedIn = await Flow.PollAsync(authorization.DeviceCode, CancellationToken.None);

        Assert.Equal(DevicePollStatus.Pending, pending.Status);
        Assert.Equal(new DevicePoll(DevicePollStatus.SignedIn) { Login = "Octo-Cat" }, signedIn);
        var token = Assert.Single(_github.DeviceFlow.IssuedTokens);
        var user = Assert.Single(_github.RequestsTo("GET", "/user"));
        Assert.Equal("Bearer " + token, user.Headers["Authorization"]);
        Assert.Equal(200, user.StatusCode);
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(token, e.FullText, StringComparison.Ordinal));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(authorization.DeviceCode, e.FullText, StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Trace); // the request lines were captured, headers redacted
    }

    [Fact]
    public async Task A_poll_sooner_than_the_interval_gets_slow_down_with_the_interval_five_seconds_longer()
    {
        var authorization = (await Flow.StartAsync(CancellationToken.None)).Authorization!;
        _clock.Advance(TimeSpan.FromSeconds(2));

        var poll = await Flow.PollAsync(authorization.DeviceCode, CancellationToken.None);

        Assert.Equal(new DevicePoll(DevicePollStatus.SlowDown) { Interval = TimeSpan.FromSeconds(10) }, poll);
        Assert.Equal(1, _github.DeviceFlow.TooEarlyPolls);
    }

    [Fact]
    public async Task Cancelled_expired_and_unknown_codes_get_githubs_answers()
    {
        var denied = (await Flow.StartAsync(CancellationToken.None)).Authorization!;
        var expired = (await Flow.StartAsync(CancellationToken.None)).Authorization!;
        _github.DeviceFlow.Deny(denied.UserCode);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var deniedPoll = await Flow.PollAsync(denied.DeviceCode, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(15));

        var expiredPoll = await Flow.PollAsync(expired.DeviceCode, CancellationToken.None);
        var unknown = await Flow.PollAsync("0000000000000000000000000000000000000000", CancellationToken.None);

        Assert.Equal(DevicePollStatus.Denied, deniedPoll.Status);
        Assert.Equal(DevicePollStatus.Expired, expiredPoll.Status);
        Assert.Equal(new DevicePoll(DevicePollStatus.Refused) { Problem = "incorrect_device_code" }, unknown);
    }

    [Fact]
    public async Task A_disabled_device_flow_or_an_unknown_client_id_is_refused_for_good_and_logged_with_a_hint()
    {
        _github.DeviceFlow.Enabled = false;
        var disabled = await Flow.StartAsync(CancellationToken.None);
        await using var stranger = Services("Iv23liNotRegistered");

        var unknown = await stranger.GetRequiredService<IGitHubDeviceFlow>().StartAsync(CancellationToken.None);

        Assert.Equal(new DeviceFlowStart(null, "device_flow_disabled", Transient: false), disabled);
        Assert.Equal(new DeviceFlowStart(null, "an unexpected error code", Transient: false), unknown); // 404 {"error":"Not Found"}
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 1400 && e.Message.Contains("Enable Device Flow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Github_down_is_unavailable_for_now_not_refused()
    {
        var authorization = (await Flow.StartAsync(CancellationToken.None)).Authorization!;
        _github.Faults.Enqueue(FakeFault.BadGateway, 2);
        _clock.Advance(authorization.Interval);

        var poll = await Flow.PollAsync(authorization.DeviceCode, CancellationToken.None);
        var start = await Flow.StartAsync(CancellationToken.None);

        Assert.Equal(DevicePollStatus.Unavailable, poll.Status);
        Assert.True(start.Transient);
        Assert.Null(start.Authorization);
    }

    [Fact]
    public void Without_a_client_id_there_is_no_device_flow()
    {
        using var services = Services(null);

        Assert.Null(services.GetService<IGitHubDeviceFlow>());
    }

    private ServiceProvider Services(string? clientId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionBot:GitHub:ApiBaseUrl"] = _github.BaseAddress.AbsoluteUri,
            ["ActionBot:GitHub:ClientId"] = clientId,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddGitHubDeviceFlow(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

using ActionBot.Core.Identity;
using ActionBot.Core.Ports;
using ActionBot.Testing;

namespace ActionBot.Core.Tests.Identity;

public sealed class AccountLinkingTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryAccountLinks _links = new();
    private readonly InMemoryLinkRequests _claims = new();
    private readonly ScriptedDeviceFlow _github = new();

    [Fact]
    public async Task A_claim_starts_a_device_flow_and_grants_nothing_until_github_says_who_signed_in()
    {
        var linking = Linking();

        var start = await linking.RequestAsync("111", "octocat", None);
        _clock.Advance(Interval);
        var pending = await linking.PollNextAsync(None);
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SignedIn) { Login = "OctoCat" });
        var early = await linking.PollNextAsync(None);
        _clock.Advance(Interval);
        var signedIn = await linking.PollNextAsync(None);

        Assert.Equal(LinkStartStatus.Started, start.Status);
        Assert.Equal(("CODE-0001", _clock.GetUtcNow() - Interval - Interval + TimeSpan.FromMinutes(15)), (start.Request!.UserCode, start.Request.ExpiresAt));
        Assert.Null(pending!.Outcome);
        Assert.Null(early); // not due yet: GitHub's interval is kept
        Assert.Equal(new LinkOutcome(signedIn!.Request, LinkOutcomeStatus.Linked, "OctoCat"), signedIn.Outcome);
        Assert.Equal("OctoCat", _links.LoginOf["111"]); // GitHub's spelling
        Assert.Equal(["device-1", "device-1"], _github.Polled);
    }

    [Fact]
    public async Task Someone_signed_in_as_another_login_links_nothing()
    {
        var linking = Linking();
        await linking.RequestAsync("666", "alice", None);
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SignedIn) { Login = "mallory" });
        _clock.Advance(Interval);

        var poll = await linking.PollNextAsync(None);

        Assert.Equal((LinkOutcomeStatus.WrongAccount, "mallory"), (poll!.Outcome!.Status, poll.Outcome.SignedInAs));
        Assert.Empty(_links.LoginOf);
    }

    [Fact]
    public async Task Slow_down_lengthens_the_interval_to_githubs_or_by_five_seconds()
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", None);
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SlowDown));
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SlowDown) { Interval = TimeSpan.FromSeconds(22) });
        _clock.Advance(Interval);

        await linking.PollNextAsync(None);
        var afterFirst = _claims.Claims["111"];
        _clock.Advance(TimeSpan.FromSeconds(10));
        await linking.PollNextAsync(None);

        Assert.Equal((TimeSpan.FromSeconds(10), _clock.GetUtcNow()), (afterFirst.Interval, afterFirst.NextPollAt));
        Assert.Equal(TimeSpan.FromSeconds(22), _claims.Claims["111"].Interval);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(22), await linking.NextPollAtAsync(None));
    }

    [Fact]
    public async Task A_claim_past_its_expiry_ends_expired_without_asking_github()
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", None);
        _clock.Advance(TimeSpan.FromMinutes(16));

        var poll = await linking.PollNextAsync(None);

        Assert.Equal(LinkOutcomeStatus.Expired, poll!.Outcome!.Status);
        Assert.Empty(_github.Polled);
        await linking.FinishAsync(poll.Request, None);
        Assert.Null(await linking.NextPollAtAsync(None));
    }

    [Theory]
    [InlineData(DevicePollStatus.Denied, LinkOutcomeStatus.Denied)]
    [InlineData(DevicePollStatus.Expired, LinkOutcomeStatus.Expired)]
    [InlineData(DevicePollStatus.Refused, LinkOutcomeStatus.Failed)]
    public async Task Github_ending_the_flow_ends_the_claim(DevicePollStatus answer, LinkOutcomeStatus outcome)
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", None);
        _github.Answers.Enqueue(new DevicePoll(answer) { Problem = "device_flow_disabled" });
        _clock.Advance(Interval);

        var poll = await linking.PollNextAsync(None);

        Assert.Equal(outcome, poll!.Outcome!.Status);
        Assert.Empty(_links.LoginOf);
    }

    [Fact]
    public async Task A_claim_that_ends_after_a_crash_between_linking_and_removing_it_ends_linked()
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", None);
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SignedIn) { Login = "octocat" });
        _clock.Advance(Interval);
        await linking.PollNextAsync(None); // linked; the crash comes before FinishAsync
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.Refused) { Problem = "incorrect_device_code" });
        _clock.Advance(Interval);

        var resumed = await linking.PollNextAsync(None);

        Assert.Equal(LinkOutcomeStatus.Linked, resumed!.Outcome!.Status);
    }

    [Fact]
    public async Task A_login_held_by_another_user_or_by_the_admins_configuration_is_not_taken_over()
    {
        await _links.TryLinkAsync("111", "octocat", _clock.GetUtcNow(), None);
        var linking = Linking(new ConfiguredAccountLinks([new("333", "hubber")]));

        var octocat = await linking.RequestAsync("222", "OCTOCAT", None);
        var hubber = await linking.RequestAsync("222", "hubber", None);
        var admins = await linking.RequestAsync("333", "someone-else", None);
        var again = await linking.RequestAsync("111", "octocat", None);

        Assert.Equal(LinkStartStatus.TakenByAnother, octocat.Status);
        Assert.Equal(LinkStartStatus.TakenByAnother, hubber.Status);
        Assert.Equal((LinkStartStatus.SetByAdmin, "hubber"), (admins.Status, admins.CurrentLogin));
        Assert.Equal(LinkStartStatus.AlreadyLinked, again.Status);
        Assert.Empty(_claims.Claims);
    }

    [Fact]
    public async Task Two_claims_of_one_login_confirmed_for_both_link_the_first_only()
    {
        var linking = Linking();
        await linking.RequestAsync("111", "octocat", None);
        await linking.RequestAsync("222", "octocat", None); // the same person with two Discord accounts, say
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SignedIn) { Login = "octocat" });
        _github.Answers.Enqueue(new DevicePoll(DevicePollStatus.SignedIn) { Login = "octocat" });
        _clock.Advance(Interval);

        var first = await linking.PollNextAsync(None);
        var second = await linking.PollNextAsync(None);

        Assert.Equal(LinkOutcomeStatus.Linked, first!.Outcome!.Status);
        Assert.Equal(LinkOutcomeStatus.TakenByAnother, second!.Outcome!.Status);
        Assert.Equal(first.Request.ChatUserId, Assert.Single(_links.LoginOf).Key);
    }

    [Fact]
    public async Task Claiming_the_same_login_again_shows_the_same_code_and_another_login_starts_afresh()
    {
        var linking = Linking();
        var first = await linking.RequestAsync("111", "octocat", None);

        var same = await linking.RequestAsync("111", "OctoCat", None);
        var other = await linking.RequestAsync("111", "hubber", None);

        Assert.Equal(first.Request, same.Request);
        Assert.Equal("CODE-0002", other.Request!.UserCode);
        Assert.Equal("hubber", (await linking.WaitingClaimAsync("111", None))!.GitHubLogin);
    }

    [Fact]
    public async Task Without_a_device_flow_or_when_github_cannot_start_one_nothing_is_stored()
    {
        var unconfigured = new AccountLinking(_links, _claims, ConfiguredAccountLinks.None, _clock);
        _github.StartAnswer = new DeviceFlowStart(null, "GitHub could not be reached", Transient: true);

        var notConfigured = await unconfigured.RequestAsync("111", "octocat", None);
        var unavailable = await Linking().RequestAsync("111", "octocat", None);

        Assert.False(unconfigured.CanVerify);
        Assert.Equal(LinkStartStatus.NotConfigured, notConfigured.Status);
        Assert.Equal((LinkStartStatus.Unavailable, true), (unavailable.Status, unavailable.Transient));
        Assert.Empty(_claims.Claims);
        Assert.Null(await unconfigured.PollNextAsync(None));
    }

    private AccountLinking Linking(ConfiguredAccountLinks? configured = null) =>
        new(_links, _claims, configured ?? ConfiguredAccountLinks.None, _clock, _github);
}

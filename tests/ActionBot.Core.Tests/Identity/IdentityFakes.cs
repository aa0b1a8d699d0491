using ActionBot.Core.Identity;
using ActionBot.Core.Ports;

namespace ActionBot.Core.Tests.Identity;

/// <summary>Confirmed links in memory, one chat user per login as the port promises.</summary>
internal sealed class InMemoryAccountLinks : IAccountLinks
{
    public Dictionary<string, string> LoginOf { get; } = new(StringComparer.Ordinal);

    public Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (LoginOf.Any(l => l.Key != chatUserId && string.Equals(l.Value, gitHubLogin, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(false);
        }

        LoginOf[chatUserId] = gitHubLogin;
        return Task.FromResult(true);
    }

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) => Task.FromResult(LoginOf.GetValueOrDefault(chatUserId));

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(LoginOf.FirstOrDefault(l => string.Equals(l.Value, gitHubLogin, StringComparison.OrdinalIgnoreCase)).Key);
}

/// <summary>Waiting claims in memory, claimed the way the SQL stores claim them.</summary>
internal sealed class InMemoryLinkRequests : IAccountLinkRequests
{
    public Dictionary<string, AccountLinkRequest> Claims { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(AccountLinkRequest request, CancellationToken cancellationToken)
    {
        Claims[request.ChatUserId] = request;
        return Task.CompletedTask;
    }

    public Task<AccountLinkRequest?> GetAsync(string chatUserId, CancellationToken cancellationToken) => Task.FromResult(Claims.GetValueOrDefault(chatUserId));

    public Task<AccountLinkRequest?> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Claims.Values.Where(c => c.NextPollAt <= now).OrderBy(c => c.NextPollAt).FirstOrDefault();
        if (due is null)
        {
            return Task.FromResult<AccountLinkRequest?>(null);
        }

        var claimed = due with { NextPollAt = now + due.Interval };
        Claims[due.ChatUserId] = claimed;
        return Task.FromResult<AccountLinkRequest?>(claimed);
    }

    public Task RescheduleAsync(AccountLinkRequest request, TimeSpan interval, DateTimeOffset nextPollAt, CancellationToken cancellationToken)
    {
        if (Claims.GetValueOrDefault(request.ChatUserId) is { } claim && claim.DeviceCode == request.DeviceCode)
        {
            Claims[request.ChatUserId] = claim with { Interval = interval, NextPollAt = nextPollAt };
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(AccountLinkRequest request, CancellationToken cancellationToken)
    {
        if (Claims.GetValueOrDefault(request.ChatUserId)?.DeviceCode == request.DeviceCode)
        {
            Claims.Remove(request.ChatUserId);
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextPollAtAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(Claims.Count == 0 ? null : Claims.Values.Min(c => c.NextPollAt));
}

/// <summary>A device flow that answers each poll from a script and counts what it was asked.</summary>
internal sealed class ScriptedDeviceFlow : IGitHubDeviceFlow
{
    private int _started;

    public Queue<DevicePoll> Answers { get; } = new();

    public DeviceFlowStart? StartAnswer { get; set; }

    public List<string> Polled { get; } = [];

    public Task<DeviceFlowStart> StartAsync(CancellationToken cancellationToken)
    {
        _started++;
        return Task.FromResult(StartAnswer ?? new DeviceFlowStart(new DeviceAuthorization(
            $"device-{_started}", $"CODE-000{_started}", new Uri("https://github.com/login/device"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(5))));
    }

    public Task<DevicePoll> PollAsync(string deviceCode, CancellationToken cancellationToken)
    {
        Polled.Add(deviceCode);
        return Task.FromResult(Answers.Count > 0 ? Answers.Dequeue() : new DevicePoll(DevicePollStatus.Pending));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Identity;

/// <summary>
/// GitHub's OAuth device flow as two form posts to the web host (<see cref="GitHubWebHost"/>) and one <c>GET /user</c>.
/// Our own small client rather than Octokit's <c>OauthClient</c>: its <c>CreateAccessTokenForDeviceFlow</c> polls in a
/// loop of its own with <c>Task.Delay</c> (real time, not our <see cref="TimeProvider"/>), keeps the flow in memory
/// (a restart loses it), polls once before the first interval and ignores the interval <c>slow_down</c> sends. Here
/// each poll is one call, and <see cref="Core.Identity.AccountLinking"/> schedules them durably.
/// The person's token lives in one local variable: it asks who signed in and is dropped, never stored or logged.
/// </summary>
internal sealed partial class GitHubDeviceFlowClient(
    HttpClient http,
    IOptions<GitHubIdentityOptions> options,
    ILogger<GitHubDeviceFlowClient> logger) : IGitHubDeviceFlow
{
    public const string HttpClientName = "ActionBot.GitHub.DeviceFlow";
    private const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private const int GetUserAttempts = 3;
    private const string ApiVersion = "2022-11-28";

    // RFC 8628's defaults when GitHub leaves a field out.
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(15);

    private string ClientId => options.Value.ClientId ?? throw new InvalidOperationException("ActionBot:GitHub:ClientId is not set.");

    private Uri WebHost => GitHubWebHost.For(options.Value.ApiBaseUrl);

    // ".../api/v3" without its slash would lose "v3" when "user" is resolved against it.
    private Uri ApiRoot => options.Value.ApiBaseUrl is var root && root.AbsolutePath.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");

    public async Task<DeviceFlowStart> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await PostFormAsync("login/device/code", [new("client_id", ClientId)], cancellationToken).ConfigureAwait(false);
            var answer = await ReadAsync(response, DeviceFlowJsonContext.Default.DeviceCodeAnswer, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && answer is { DeviceCode.Length: > 0, UserCode.Length: > 0 }
                && Uri.TryCreate(answer.VerificationUri, UriKind.Absolute, out var page))
            {
                var expiresIn = answer.ExpiresIn is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DefaultExpiry;
                var interval = answer.Interval is > 0 and var every ? TimeSpan.FromSeconds(every) : DefaultInterval;
                return new DeviceFlowStart(new DeviceAuthorization(answer.DeviceCode, answer.UserCode, page, expiresIn, interval));
            }

            var problem = Code(answer?.Error) ?? $"HTTP {(int)response.StatusCode}";
            var transient = IsTransient(response.StatusCode);
            Log.StartRefused(logger, problem, (int)response.StatusCode);
            return new DeviceFlowStart(null, problem, transient);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            Log.Unreachable(logger, "login/device/code", ex);
            return new DeviceFlowStart(null, "GitHub could not be reached", Transient: true);
        }
    }

    public async Task<DevicePoll> PollAsync(string deviceCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceCode);
        AccessTokenAnswer? answer;
        try
        {
            using var response = await PostFormAsync(
                "login/oauth/access_token",
                [new("client_id", ClientId), new("device_code", deviceCode), new("grant_type", DeviceGrant)],
                cancellationToken).ConfigureAwait(false);
            answer = await ReadAsync(response, DeviceFlowJsonContext.Default.AccessTokenAnswer, cancellationToken).ConfigureAwait(false);
            if (IsTransient(response.StatusCode) || (answer is null && !response.IsSuccessStatusCode))
            {
                Log.PollUnavailable(logger, (int)response.StatusCode);
                return new DevicePoll(DevicePollStatus.Unavailable) { Problem = $"HTTP {(int)response.StatusCode}" };
            }
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            Log.Unreachable(logger, "login/oauth/access_token", ex);
            return new DevicePoll(DevicePollStatus.Unavailable) { Problem = "GitHub could not be reached" };
        }

        if (answer is { AccessToken.Length: > 0 })
        {
            return await WhoSignedInAsync(answer.AccessToken, cancellationToken).ConfigureAwait(false);
        }

        return Code(answer?.Error) switch
        {
            "authorization_pending" => new DevicePoll(DevicePollStatus.Pending),
            "slow_down" => new DevicePoll(DevicePollStatus.SlowDown) { Interval = answer?.Interval is > 0 and var s ? TimeSpan.FromSeconds(s) : null },
            "expired_token" or "token_expired" => new DevicePoll(DevicePollStatus.Expired),
            "access_denied" => new DevicePoll(DevicePollStatus.Denied),
            var code => Refused(code ?? "an answer without a token or an error code"),
        };
    }

    // The token GitHub just handed out for the person: one question (who are you?), then it goes out of scope.
    private async Task<DevicePoll> WhoSignedInAsync(string token, CancellationToken cancellationToken)
    {
        var user = new Uri(ApiRoot, "user");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, user);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.ParseAdd("application/vnd.github+json");
                request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode
                    && await ReadAsync(response, DeviceFlowJsonContext.Default.AuthenticatedUser, cancellationToken).ConfigureAwait(false) is { Login.Length: > 0 } signedIn)
                {
                    Log.SignedIn(logger, signedIn.Login);
                    return new DevicePoll(DevicePollStatus.SignedIn) { Login = signedIn.Login };
                }

                // The token is GitHub's own, just issued: a refusal here will not change by asking again.
                if (!IsTransient(response.StatusCode) || attempt == GetUserAttempts)
                {
                    Log.UserUnknown(logger, (int)response.StatusCode);
                    return Refused($"GET /user answered HTTP {(int)response.StatusCode}");
                }
            }
            catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
            {
                Log.Unreachable(logger, "user", ex);
                if (attempt == GetUserAttempts)
                {
                    return new DevicePoll(DevicePollStatus.Unavailable) { Problem = "GitHub could not be reached" };
                }
            }
        }
    }

    private DevicePoll Refused(string problem)
    {
        Log.PollRefused(logger, problem);
        return new DevicePoll(DevicePollStatus.Refused) { Problem = problem };
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebHost, path)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/json"); // else GitHub answers form-encoded
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content.Headers.ContentType?.MediaType is not "application/json")
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    // GitHub's error codes are lower-case words; anything else is not echoed into the log.
    private static string? Code(string? error) => error is null ? null : ErrorCode().IsMatch(error) ? error : "an unexpected error code";

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex ErrorCode();

    // Never logged: the device code, the person's token, the user code.
    private static partial class Log
    {
        [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "GitHub refused to start a device flow: {Problem} (HTTP {Status}); is ActionBot:GitHub:ClientId the App's client id, with \"Enable Device Flow\" ticked?")]
        public static partial void StartRefused(ILogger logger, string problem, int status);

        [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "GitHub could not be reached for the device flow ({Endpoint}); trying again at the next interval")]
        public static partial void Unreachable(ILogger logger, string endpoint, Exception exception);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "GitHub's token endpoint answered HTTP {Status}; polling again at the next interval")]
        public static partial void PollUnavailable(ILogger logger, int status);

        [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "GitHub refused a device-flow poll: {Problem}")]
        public static partial void PollRefused(ILogger logger, string problem);

        [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Device flow: GitHub says {Login} signed in; the token is dropped")]
        public static partial void SignedIn(ILogger logger, string login);

        [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Device flow: GET /user with the new token answered HTTP {Status}")]
        public static partial void UserUnknown(ILogger logger, int status);
    }
}

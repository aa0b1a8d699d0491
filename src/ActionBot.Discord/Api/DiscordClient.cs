using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ActionBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ActionBot.Discord.Api;

/// <summary>
/// The few Discord REST calls the bot makes, typed. Every call goes through <see cref="DiscordResilience"/> and the
/// <see cref="DiscordRateLimiter"/>; errors become <see cref="DiscordApiException"/>. The bot token is sent, never logged.
/// </summary>
public sealed partial class DiscordClient(
    HttpClient http,
    IOptions<DiscordOptions> options,
    DiscordResilience resilience,
    ILogger<DiscordClient> logger,
    ActionBotMetrics? metrics = null)
{
    public const string HttpClientName = "ActionBot.Discord";

    private const int EphemeralFlag = 64;

    private readonly DiscordOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    private string ApplicationId => _options.ApplicationId ?? throw new InvalidOperationException("ActionBot:Discord:ApplicationId is not set.");

    /// <summary>Replaces the application's commands with <paramref name="commands"/> (in the guild when GuildId is set).</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> OverwriteCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = string.IsNullOrEmpty(_options.GuildId)
            ? DiscordRoutes.GlobalCommands(ApplicationId)
            : DiscordRoutes.GuildCommands(ApplicationId, _options.GuildId);
        var content = JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        return await SendAsync(HttpMethod.Put, route, content, DiscordJsonContext.Default.ListApplicationCommand, authorized: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts a message to a channel. <paramref name="allowedMentions"/> is required, so that no call can forget it;
    /// <paramref name="nonce"/> (at most 25 characters) makes a repeat after a failure answer with the first message.
    /// </summary>
    public Task<DiscordMessage> CreateMessageAsync(string channelId, string content, AllowedMentions allowedMentions, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowedMentions);
        var request = new MessageRequest(content) { AllowedMentions = allowedMentions, Nonce = nonce, EnforceNonce = nonce is null ? null : true };
        return SendAsync(HttpMethod.Post, DiscordRoutes.ChannelMessages(channelId), Serialize(request), DiscordJsonContext.Default.DiscordMessage, authorized: true, cancellationToken);
    }

    /// <summary>The DM channel with a user, opened once and then remembered.</summary>
    public async Task<string> OpenDmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var known))
        {
            return known;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(new DmChannelRequest(userId), DiscordJsonContext.Default.DmChannelRequest);
        var channel = await SendAsync(HttpMethod.Post, DiscordRoutes.DmChannels, content, DiscordJsonContext.Default.DiscordChannel, authorized: true, cancellationToken).ConfigureAwait(false);
        _dmChannels[userId] = channel.Id;
        return channel.Id;
    }

    /// <summary>Replaces the deferred answer of an interaction.</summary>
    public Task<DiscordMessage> EditOriginalResponseAsync(string interactionToken, string content, AllowedMentions allowedMentions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowedMentions);
        var request = new MessageRequest(content) { AllowedMentions = allowedMentions };
        return SendAsync(HttpMethod.Patch, DiscordRoutes.OriginalResponse(ApplicationId, interactionToken), Serialize(request), DiscordJsonContext.Default.DiscordMessage, authorized: false, cancellationToken);
    }

    /// <summary>Another message answering an interaction (the answer's later pages).</summary>
    public Task<DiscordMessage> CreateFollowUpAsync(string interactionToken, string content, AllowedMentions allowedMentions, bool ephemeral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowedMentions);
        var request = new MessageRequest(content) { AllowedMentions = allowedMentions, Flags = ephemeral ? EphemeralFlag : null };
        return SendAsync(HttpMethod.Post, DiscordRoutes.FollowUp(ApplicationId, interactionToken), Serialize(request), DiscordJsonContext.Default.DiscordMessage, authorized: false, cancellationToken);
    }

    private static byte[] Serialize(MessageRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, DiscordJsonContext.Default.MessageRequest);

    private async Task<T> SendAsync<T>(HttpMethod method, string route, byte[] content, JsonTypeInfo<T> answer, bool authorized, CancellationToken cancellationToken)
    {
        var limitKey = $"{method.Method} {DiscordRoutes.Redact(route)}";
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var body = await resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Method, state.Route, state.LimitKey, state.Content, state.Authorized, ctx.CancellationToken),
                context,
                (Self: this, Method: method, Route: route, LimitKey: limitKey, Content: content, Authorized: authorized)).ConfigureAwait(false);
            return JsonSerializer.Deserialize(body, answer) ?? throw new DiscordApiException(HttpStatusCode.OK, null, $"Discord answered {limitKey} with an empty body.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<byte[]> AttemptAsync(HttpMethod method, string route, string limitKey, byte[] content, bool authorized, CancellationToken cancellationToken)
    {
        await resilience.Limiter.WaitAsync(limitKey, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, route);
        if (authorized)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
        }

        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await TimedSendAsync(request, route, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        resilience.Limiter.Observe(limitKey, response.Headers);
        Log.Answered(logger, limitKey, (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var error = ReadError(body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var global = error?.Global == true || response.Headers.TryGetValues("X-RateLimit-Global", out _);
            var retryAfter = TimeSpan.FromSeconds(error?.RetryAfter ?? RetryAfterHeader(response) ?? 1);
            resilience.Limiter.Limited(limitKey, retryAfter, global);
            throw new DiscordRateLimitException(retryAfter, global, $"Discord rate limit on {limitKey}{(global ? " (global)" : "")}: retry after {retryAfter}.");
        }

        throw new DiscordApiException(response.StatusCode, error?.Code, $"Discord answered {limitKey} with {(int)response.StatusCode}: {error?.Message ?? "no message"}{(error?.Code is { } code ? $" (code {code})" : "")}.");
    }

    // Each attempt is timed by its route template; here rather than in a handler, which would see only the concrete URL.
    private async Task<HttpResponseMessage> TimedSendAsync(HttpRequestMessage request, string route, CancellationToken cancellationToken)
    {
        var started = resilience.Time.GetTimestamp();
        var status = 0;
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        finally
        {
            metrics?.DiscordCall(request.Method.Method, DiscordRoutes.Template(route), status, resilience.Time.GetElapsedTime(started));
        }
    }

    private static DiscordErrorBody? ReadError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page
        }
    }

    private static double? RetryAfterHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Discord {Route} answered {Status}")]
        public static partial void Answered(ILogger logger, string route, int status);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActionBot.Testing.Discord;

/// <summary>
/// An in-process fake of Discord's REST API (v10) on loopback: command registration (bulk overwrite), channel
/// messages with nonce + enforce_nonce de-duplication, DM channels, interaction follow-ups and edits, rate-limit
/// headers, and fault injection (429 per route or global, 5xx, down). Everything it accepts is recorded.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000001";
    public const string BotToken = "FakeBotToken.MTEwMDAwMDAwMDAwMDAwMDAwMQ.s3cr3tPart";

    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly List<FakeDiscordMessage> _messages = [];
    private readonly List<FakeCommandRegistration> _registrations = [];
    private readonly Dictionary<string, List<JsonObject>> _commands = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private long _nextId = 1_200_000_000_000_000_000;
    private int _refused;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeDiscordServer(TimeProvider time)
    {
        Time = time;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(GuardAsync);
        var api = _app.MapGroup("/api/v10");
        api.MapPut("/applications/{app}/commands", (string app, HttpContext c) => OverwriteAsync(null, c));
        api.MapPut("/applications/{app}/guilds/{guild}/commands", (string app, string guild, HttpContext c) => OverwriteAsync(guild, c));
        api.MapGet("/applications/{app}/commands", (string app) => Commands(null));
        api.MapGet("/applications/{app}/guilds/{guild}/commands", (string app, string guild) => Commands(guild));
        api.MapPost("/channels/{channel}/messages", (string channel, HttpContext c) => CreateMessageAsync(FakeDiscordMessageKind.Channel, channel, null, c));
        api.MapPost("/users/@me/channels", (Delegate)OpenDmAsync);
        api.MapPost("/webhooks/{app}/{token}", (string app, string token, HttpContext c) => CreateMessageAsync(FakeDiscordMessageKind.FollowUp, "interaction", token, c));
        api.MapPatch("/webhooks/{app}/{token}/messages/@original", (string app, string token, HttpContext c) => CreateMessageAsync(FakeDiscordMessageKind.OriginalEdit, "interaction", token, c));
    }

    /// <summary>The API root, ending with '/': the value of <c>ActionBot:Discord:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public TimeProvider Time { get; }

    public FakeDiscordFaults Faults { get; } = new();

    public IReadOnlyList<FakeDiscordMessage> Messages
    {
        get
        {
            lock (_sync)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<FakeCommandRegistration> Registrations
    {
        get
        {
            lock (_sync)
            {
                return [.. _registrations];
            }
        }
    }

    /// <summary>Requests as "METHOD path", in arrival order (faulted ones included).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Requests answered with an injected fault.</summary>
    public int RefusedRequests => Volatile.Read(ref _refused);

    /// <summary>The DM channel the fake opened for a user.</summary>
    public string DmChannelOf(string userId) => _dmChannels.GetOrAdd(userId, _ => NextId());

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeDiscordServer(time ?? TimeProvider.System);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First().TrimEnd('/') + "/api/v10/");
        return server;
    }

    /// <summary>The registered commands of a guild (or global when null), as stored.</summary>
    public IReadOnlyList<(string Id, string Name)> CommandsOf(string? guildId)
    {
        lock (_sync)
        {
            return _commands.TryGetValue(guildId ?? "", out var list)
                ? [.. list.Select(c => ((string)c["id"]!, (string)c["name"]!))]
                : [];
        }
    }

    /// <summary>Waits until the accepted messages satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<FakeDiscordMessage>> WaitForMessagesAsync(Func<IReadOnlyList<FakeDiscordMessage>, bool> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (condition(_messages))
                {
                    return [.. _messages];
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds of the server's counters (checked at every request).</summary>
    public async Task WaitUntilAsync(Func<FakeDiscordServer, bool> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            await changed.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue($"{context.Request.Method} {path}");
        try
        {
            if (Faults.Down)
            {
                Interlocked.Increment(ref _refused);
                await Error(context, Faults.DownStatus, "Service Unavailable", 0);
                return;
            }

            if (Faults.TakeRateLimit(path) is { } limit)
            {
                Interlocked.Increment(ref _refused);
                context.Response.Headers["Retry-After"] = Math.Ceiling(limit.RetryAfter).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-RateLimit-Scope"] = limit.Global ? "global" : "user";
                if (limit.Global)
                {
                    context.Response.Headers["X-RateLimit-Global"] = "true";
                }
                else
                {
                    context.Response.Headers["X-RateLimit-Bucket"] = Bucket(path);
                    context.Response.Headers["X-RateLimit-Limit"] = "5";
                    context.Response.Headers["X-RateLimit-Remaining"] = "0";
                    context.Response.Headers["X-RateLimit-Reset-After"] = limit.RetryAfter.ToString(CultureInfo.InvariantCulture);
                }

                context.Response.StatusCode = 429;
                await context.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = limit.RetryAfter, global = limit.Global });
                return;
            }

            var isWebhook = path.Contains("/webhooks/", StringComparison.Ordinal);
            if (!isWebhook && context.Request.Headers.Authorization.ToString() != $"Bot {BotToken}")
            {
                await Error(context, 401, "401: Unauthorized", 0);
                return;
            }

            context.Response.Headers["X-RateLimit-Bucket"] = Bucket(path);
            context.Response.Headers["X-RateLimit-Limit"] = "5";
            context.Response.Headers["X-RateLimit-Remaining"] = "4";
            context.Response.Headers["X-RateLimit-Reset-After"] = "1.000";
            await next(context);
        }
        finally
        {
            Changed();
        }
    }

    private static string Bucket(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..16];

    private static Task Error(HttpContext context, int status, string message, int code)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { message, code });
    }

    private async Task<IResult> OverwriteAsync(string? guildId, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonArray ?? throw new InvalidOperationException("Commands must be a JSON array.");
        lock (_sync)
        {
            var known = _commands.GetValueOrDefault(guildId ?? "") ?? [];
            var stored = new List<JsonObject>();
            foreach (var command in body.OfType<JsonObject>())
            {
                // Discord keeps a command's id when a bulk overwrite names it again.
                var name = (string)command["name"]!;
                var copy = (JsonObject)command.DeepClone();
                copy["id"] = known.FirstOrDefault(k => (string)k["name"]! == name)?["id"]?.GetValue<string>() ?? NextId();
                copy["application_id"] = ApplicationId;
                copy["version"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(command.ToJsonString())))[..16];
                stored.Add(copy);
            }

            _commands[guildId ?? ""] = stored;
            _registrations.Add(new FakeCommandRegistration(guildId, [.. stored.Select(c => (string)c["name"]!)], body.ToJsonString()));
            return Results.Text(new JsonArray([.. stored.Select(c => (JsonNode)c.DeepClone())]).ToJsonString(), "application/json");
        }
    }

    private IResult Commands(string? guildId)
    {
        lock (_sync)
        {
            var list = _commands.GetValueOrDefault(guildId ?? "") ?? [];
            return Results.Text(new JsonArray([.. list.Select(c => (JsonNode)c.DeepClone())]).ToJsonString(), "application/json");
        }
    }

    private async Task<IResult> OpenDmAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var recipient = body.RootElement.GetProperty("recipient_id").GetString()!;
        var channel = DmChannelOf(recipient);
        return Results.Json(new { id = channel, type = 1, recipients = new[] { new { id = recipient } } });
    }

    private async Task<IResult> CreateMessageAsync(FakeDiscordMessageKind kind, string channelId, string? token, HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var content = root.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
        if (content.Length > 2000)
        {
            return Results.Json(new { message = "Invalid Form Body", code = 50035, errors = new { content = new { _errors = new[] { new { code = "BASE_TYPE_MAX_LENGTH", message = "Must be 2000 or fewer in length." } } } } }, statusCode: 400);
        }

        FakeDiscordMessage message;
        bool failAfter;
        lock (_sync)
        {
            var nonce = root.TryGetProperty("nonce", out var n) ? n.GetString() : null;
            var enforce = root.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
            var earlier = enforce && nonce is not null
                ? _messages.FirstOrDefault(m => m.ChannelId == channelId && m.Nonce == nonce)
                : null;
            if (earlier is not null)
            {
                // enforce_nonce: the same nonce in the same channel (within minutes) answers with the first message.
                return Results.Json(new { id = earlier.Id, channel_id = earlier.ChannelId, content = earlier.Content, nonce });
            }

            message = FakeDiscordMessage.From(root, NextId(), kind, channelId, token, Time.GetUtcNow());
            _messages.Add(message);
            failAfter = kind == FakeDiscordMessageKind.Channel && Faults.FailAfterCreate > 0;
            if (failAfter)
            {
                Faults.FailAfterCreate--;
            }
        }

        if (failAfter)
        {
            Interlocked.Increment(ref _refused);
            return Results.Json(new { message = "Internal Server Error", code = 0 }, statusCode: 500);
        }

        return Results.Json(new { id = message.Id, channel_id = message.ChannelId, content = message.Content, nonce = message.Nonce });
    }
}

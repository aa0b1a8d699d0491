using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActionBot.Testing.GitHub;

/// <summary>
/// An in-process fake of GitHub's REST API on loopback (Kestrel, port chosen by the OS), with in-memory state,
/// GitHub's JSON shapes, Link pagination, ETags, rate-limit headers, App installation tokens and fault injection.
/// Every request is recorded for assertions.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    /// <summary>A personal access token the fake accepts from the start.</summary>
    public const string DefaultToken = "ghp_FakeActionBotToken000000000000000000";

    public const int RateLimit = 5000;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeGitHubRequest> _requests = new();
    private readonly Dictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal) { DefaultToken };
    private long _nextId = 1000;
    private int _issuesCreated;
    private int _notModified;
    private int _rateLimitUsed;
    private (DateTimeOffset ResetAt, int Status)? _rateLimitExhausted;

    private FakeGitHubServer(TimeProvider time)
    {
        Time = time;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(RecordAsync);
        _app.Use(InjectFaultsAsync);
        _app.Use(DeviceFlowAsync);
        _app.Use(RateLimitAsync);
        _app.Use(AuthenticateAsync);
        MapRepositoryEndpoints(_app);
        MapIssueEndpoints(_app);
        MapSubIssueEndpoints(_app);
        MapGitDataEndpoints(_app);
        MapAppEndpoints(_app);
        MapUserEndpoints(_app);
        _app.MapFallback(() => Results.Json(FakeGitHubJson.Error("Not Found", 404), FakeGitHubJson.Options, statusCode: 404));
    }

    /// <summary>The API root, ending with '/': the value of <c>ActionBot:GitHub:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public TimeProvider Time { get; }

    public FakeGitHubFaults Faults { get; } = new();

    public FakeGitHubApp? App { get; private set; }

    public IReadOnlyList<FakeGitHubRequest> Requests => [.. _requests];

    /// <summary>Issues stored by POST /issues (seeded ones not counted).</summary>
    public int IssuesCreated => Volatile.Read(ref _issuesCreated);

    /// <summary>Answers contents requests with the default JSON shape whatever the Accept header, as some servers do.</summary>
    public bool IgnoresRawMediaType { get; set; }

    /// <summary>304 answers to conditional requests.</summary>
    public int NotModifiedResponses => Volatile.Read(ref _notModified);

    /// <summary>Requests counted against the primary rate limit (304s are free, as on GitHub).</summary>
    public int RateLimitUsed => Volatile.Read(ref _rateLimitUsed);

    internal Lock Sync { get; } = new();

    internal string Api => BaseAddress.AbsoluteUri;

    public static async Task<FakeGitHubServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeGitHubServer(time ?? TimeProvider.System);
        await server._app.StartAsync(cancellationToken);
        server.BaseAddress = new Uri(server._app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public FakeRepository AddRepository(string fullName, string defaultBranch = "main")
    {
        var parts = fullName.Split('/');
        if (parts.Length != 2)
        {
            throw new ArgumentException($"'{fullName}' is not owner/name.", nameof(fullName));
        }

        lock (Sync)
        {
            var repository = new FakeRepository(parts[0], parts[1], defaultBranch, NextId(), Sync, Time, NextId);
            _repositories[fullName] = repository;
            return repository;
        }
    }

    public FakeRepository Repository(string fullName)
    {
        lock (Sync)
        {
            return _repositories[fullName];
        }
    }

    public void AddToken(string token)
    {
        lock (Sync)
        {
            _tokens.Add(token);
        }
    }

    /// <summary>Registers a GitHub App whose installation tokens the fake then accepts.</summary>
    public FakeGitHubApp EnableApp(string appId = "424242", long installationId = 777)
    {
        App?.Dispose();
        App = new FakeGitHubApp(appId, installationId);
        return App;
    }

    /// <summary>The primary quota is spent until <paramref name="resetAt"/> (on <see cref="Time"/>): 403 (or 429) with remaining 0.</summary>
    public void ExhaustRateLimit(DateTimeOffset resetAt, int status = 403)
    {
        lock (Sync)
        {
            _rateLimitExhausted = (resetAt, status);
        }
    }

    public IReadOnlyList<FakeGitHubRequest> RequestsTo(string method, string pathPrefix) =>
        [.. _requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        App?.Dispose();
    }

    internal long NextId() => Interlocked.Increment(ref _nextId);

    internal FakeRepository? FindRepository(string owner, string name)
    {
        lock (Sync)
        {
            return _repositories.GetValueOrDefault($"{owner}/{name}");
        }
    }

    internal void CountIssueCreated() => Interlocked.Increment(ref _issuesCreated);

    internal void CountNotModified() => Interlocked.Increment(ref _notModified);

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        try
        {
            await next(context);
        }
        finally
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new FakeGitHubRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                body,
                context.Response.StatusCode,
                headers,
                context.Items[typeof(FakeFault)] as FakeFault?));
        }
    }

    private async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (Faults.Draw(context.Request.Method, context.Request.Path.Value ?? "") is not { } fault)
        {
            await next(context);
            return;
        }

        context.Items[typeof(FakeFault)] = fault;
        var retryAfter = Faults.OmitRetryAfter ? null : Faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        switch (fault)
        {
            case FakeFault.InternalServerError:
                await WriteErrorAsync(context, 500, "Server Error");
                break;
            case FakeFault.BadGateway:
                await WriteErrorAsync(context, 502, "Server Error");
                break;
            case FakeFault.SecondaryRateLimit:
                context.Response.Headers.RetryAfter = retryAfter;
                context.Response.Headers["x-ratelimit-remaining"] = (RateLimit - RateLimitUsed).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
                break;
            case FakeFault.TooManyRequests:
                context.Response.Headers.RetryAfter = retryAfter;
                context.Response.Headers["x-ratelimit-remaining"] = (RateLimit - RateLimitUsed).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 429, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
                break;
        }
    }

    private async Task RateLimitAsync(HttpContext context, RequestDelegate next)
    {
        var now = Time.GetUtcNow();
        (DateTimeOffset ResetAt, int Status)? exhausted;
        lock (Sync)
        {
            exhausted = _rateLimitExhausted is { } e && now < e.ResetAt ? e : null;
        }

        var reset = exhausted?.ResetAt ?? now.AddHours(1);
        context.Response.Headers["x-ratelimit-limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-resource"] = "core";
        if (exhausted is { } limit)
        {
            context.Response.Headers["x-ratelimit-remaining"] = "0";
            context.Response.Headers["x-ratelimit-used"] = RateLimit.ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, limit.Status, "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.");
            return;
        }

        var used = context.Request.Headers.IfNoneMatch.Count > 0 ? RateLimitUsed : Interlocked.Increment(ref _rateLimitUsed);
        context.Response.Headers["x-ratelimit-remaining"] = Math.Max(0, RateLimit - used).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        await next(context);

        // A 304 costs nothing; a conditional request that missed is counted now.
        if (context.Request.Headers.IfNoneMatch.Count > 0 && context.Response.StatusCode != StatusCodes.Status304NotModified)
        {
            Interlocked.Increment(ref _rateLimitUsed);
        }
    }

    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var credential = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..]
            : authorization.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? authorization[6..]
            : null;
        var now = Time.GetUtcNow();

        string? refusal;
        if ((context.Request.Path.Value ?? "").StartsWith("/app/", StringComparison.Ordinal))
        {
            refusal = credential is null ? "A JSON web token could not be decoded"
                : App is null ? "Integration not found"
                : App.ValidateJwt(credential, now);
        }
        else
        {
            bool known;
            lock (Sync)
            {
                known = credential is not null && _tokens.Contains(credential);
            }

            refusal = known || (credential is not null && App?.IsValidToken(credential, now) == true) ? null : "Bad credentials";
        }

        if (refusal is not null)
        {
            await WriteErrorAsync(context, 401, refusal);
            return;
        }

        await next(context);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(FakeGitHubJson.Error(message, status), FakeGitHubJson.Options);
    }
}

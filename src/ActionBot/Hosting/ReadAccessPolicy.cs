using System.Net;
using System.Security.Cryptography;
using System.Text;
using ActionBot.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>
/// Guards the read side (<c>/</c>, <c>/api/*</c>, <c>/metrics</c>, <c>/hangfire</c>): with a configured read token every read must carry it
/// (<c>Authorization: Bearer</c>, or the cookie that the page's token form at <c>POST /login</c> leaves in a browser);
/// without one, reads are served only while every listen address is loopback (the default), and refused once the bot is
/// exposed (<c>--urls http://0.0.0.0:5080</c>). Webhooks, interactions and health probes are never guarded here.
/// </summary>
public sealed partial class ReadAccessPolicy(RequestDelegate next, IOptions<ReadAccessOptions> options, IServer server, ILogger<ReadAccessPolicy> logger)
{
    public const string CookieName = "actionbot_read";
    public const string LoginPath = "/login";

    // A token in a query string would be written to request logs and browser history; browsers post it once instead.
    private const string LoginForm = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ActionBot · read token</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:420px;margin:15vh auto;padding:0 16px}
        input,button{font:inherit;padding:8px;width:100%;margin-top:8px;box-sizing:border-box}</style></head><body>
        <h1>ActionBot</h1><p>This dashboard needs its read token (<code>ActionBot:Dashboard:ReadToken</code>).</p>
        <form method="post" action="/login"><input type="password" name="token" id="token" autocomplete="current-password" required>
        <button type="submit">Open the dashboard</button></form></body></html>
        """;

    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.ReadToken) ? null : Encoding.UTF8.GetBytes(options.Value.ReadToken);
    private bool? _loopbackOnly;

    public static bool Guards(PathString path) =>
        path == "/"
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(JobDashboard.Path, StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_token is not null && HttpMethods.IsPost(context.Request.Method) && context.Request.Path == LoginPath)
        {
            await LoginAsync(context);
            return;
        }

        if (!Guards(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (_token is null)
        {
            if (LoopbackOnly())
            {
                await next(context);
                return;
            }

            Log.RefusedExposed(logger, context.Request.Path);
            await Refuse(context, StatusCodes.Status403Forbidden,
                "The dashboard, /api, /metrics and /hangfire are served on loopback only. Set ActionBot:Dashboard:ReadToken to read them on other addresses.\n");
            return;
        }

        var presented = Presented(context.Request);
        if (!Matches(presented))
        {
            Log.RefusedToken(logger, context.Request.Path, presented is null ? "missing" : "wrong");
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ActionBot\"";
            if (context.Request.Path == "/")
            {
                await Refuse(context, StatusCodes.Status401Unauthorized, LoginForm, "text/html; charset=utf-8");
                return;
            }

            await Refuse(context, StatusCodes.Status401Unauthorized, "A read token is required: send Authorization: Bearer TOKEN.\n");
            return;
        }

        await next(context);
    }

    private async Task LoginAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var presented = form?["token"].ToString();
        if (!Matches(presented))
        {
            Log.RefusedToken(logger, context.Request.Path, string.IsNullOrEmpty(presented) ? "missing" : "wrong");
            await Refuse(context, StatusCodes.Status401Unauthorized, LoginForm, "text/html; charset=utf-8");
            return;
        }

        // The browser keeps it, so links and the filter form work without the token in any URL.
        context.Response.Cookies.Append(CookieName, presented!, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
        });
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/";
    }

    private bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented) && _token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null;
    }

    private static Task Refuse(HttpContext context, int status, string body, string contentType = "text/plain; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(body);
    }

    // Read once the server listens: the addresses are known only then. No address (an in-memory test server) is loopback.
    private bool LoopbackOnly() => _loopbackOnly ??= (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).All(IsLoopback);

    public static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Refused a read of {Path}: the bot is exposed beyond loopback and ActionBot:Dashboard:ReadToken is not set")]
        public static partial void RefusedExposed(ILogger logger, PathString path);

        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Refused a read of {Path}: read token {Problem}")]
        public static partial void RefusedToken(ILogger logger, PathString path, string problem);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ActionBot.Hosting;

/// <summary>
/// Guards the read side (<c>/</c>, <c>/api/*</c>, <c>/metrics</c>): with a configured read token every read must carry it;
/// without one, reads are served only while every listen address is loopback (the default), and refused once the bot is
/// exposed (<c>--urls http://0.0.0.0:5080</c>). Webhooks, interactions and health probes are never guarded here.
/// </summary>
public sealed partial class ReadAccessPolicy(RequestDelegate next, IOptions<ReadAccessOptions> options, IServer server, ILogger<ReadAccessPolicy> logger)
{
    public const string CookieName = "actionbot_read";

    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.ReadToken) ? null : Encoding.UTF8.GetBytes(options.Value.ReadToken);
    private bool? _loopbackOnly;

    public static bool Guards(PathString path) =>
        path == "/" || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
                "The dashboard, /api and /metrics are served on loopback only. Set ActionBot:Dashboard:ReadToken to read them on other addresses.");
            return;
        }

        var (presented, fromQuery) = Presented(context.Request);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token))
        {
            Log.RefusedToken(logger, context.Request.Path, presented is null ? "missing" : "wrong");
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ActionBot\"";
            await Refuse(context, StatusCodes.Status401Unauthorized,
                "A read token is required: send Authorization: Bearer TOKEN, or open /?token=TOKEN once in a browser.");
            return;
        }

        if (fromQuery)
        {
            // The browser keeps it, so links and the filter form work without the token in every URL.
            context.Response.Cookies.Append(CookieName, presented, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
            });
        }

        await next(context);
    }

    private static (string? Token, bool FromQuery) Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (authorization["Bearer ".Length..].Trim(), false);
        }

        if (request.Query.TryGetValue("token", out var query) && !string.IsNullOrEmpty(query))
        {
            return (query.ToString(), true);
        }

        return (request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null, false);
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }

    // Read once the server listens: the addresses are known only then. No address (an in-memory test server) is loopback.
    private bool LoopbackOnly() => _loopbackOnly ??= (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).All(IsLoopback);

    internal static bool IsLoopback(string address)
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

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ActionBot.ReadAccess;

/// <summary>
/// <c>GET /login</c> shows the sign-in form; <c>POST /login</c> takes the read token from it and answers with a session
/// cookie (never the token itself: see <see cref="ReadToken"/>), <c>HttpOnly</c>, <c>SameSite=Strict</c>, and
/// <c>Secure</c> when the original request was HTTPS (the scheme a trusted proxy forwarded). A post from another site is
/// refused (<c>Sec-Fetch-Site</c>, else <c>Origin</c>); attempts are rate-limited per client address.
/// </summary>
public static partial class LoginEndpoints
{
    public const string Path = "/login";
    public const string RateLimitPolicy = "login";

    /// <summary>Attempts per client address and minute: plenty for a person, nothing for guessing a token.</summary>
    public const int AttemptsPerMinute = 10;

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpResponse response) => LoginPage.WriteAsync(response, "This dashboard needs its read token (ActionBot:Dashboard:ReadToken)."))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task SignInAsync(HttpContext context, ReadToken token, ILogger<ReadToken> logger)
    {
        var request = context.Request;
        if (IsCrossSite(request))
        {
            Log.CrossSite(logger);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await LoginPage.WriteAsync(context.Response, "Sign in from this site's own form.");
            return;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        if (!token.Matches(form?["token"].ToString()))
        {
            Log.WrongToken(logger, token.IsConfigured);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await LoginPage.WriteAsync(context.Response, token.IsConfigured
                ? "That is not the read token."
                : "No read token is configured (ActionBot:Dashboard:ReadToken): this dashboard is open to this machine only.");
            return;
        }

        context.Response.Cookies.Append(ReadToken.CookieName, token.NewSession(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            IsEssential = true,
            MaxAge = ReadToken.SessionLifetime,
        });
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/";
    }

    // Browsers say where a request comes from: Sec-Fetch-Site (all current ones), else Origin. A client that sends
    // neither is not a browser, and a cross-site post is a browser's doing.
    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Refused a sign-in posted from another site")]
        public static partial void CrossSite(ILogger logger);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Refused a sign-in: wrong read token (a token is configured: {Configured})")]
        public static partial void WrongToken(ILogger logger, bool configured);
    }
}

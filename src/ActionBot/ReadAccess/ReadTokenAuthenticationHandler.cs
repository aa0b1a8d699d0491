using System.Security.Claims;
using System.Text.Encodings.Web;
using ActionBot.Core.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ActionBot.ReadAccess;

/// <summary>
/// The <c>ReadToken</c> authentication scheme: <c>Authorization: Bearer TOKEN</c> (scripts, Prometheus) or the session
/// cookie that <c>POST /login</c> leaves in a browser. A wrong bearer token fails outright, even from this machine; a
/// stale cookie counts as none. Its challenge is the 401: the sign-in form for a browser, a line of text for the rest.
/// </summary>
internal sealed partial class ReadTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, ReadToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ReadToken";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(token.Matches(authorization[BearerPrefix.Length..].Trim())
                ? Success("bearer")
                : AuthenticateResult.Fail("wrong read token"));
        }

        return Task.FromResult(Request.Cookies.TryGetValue(ReadToken.CookieName, out var session) && token.IsValidSession(session)
            ? Success("session")
            : AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Request.Headers.Authorization.Count > 0 ? "wrong" : "missing";
        var path = LogText.Sanitize(Request.Path.Value);
        Log.Refused(Logger, path, presented);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"ActionBot\"";
        Response.Headers.CacheControl = "no-store";
        var reason = token.IsConfigured
            ? "This page needs the read token (ActionBot:Dashboard:ReadToken)."
            : "Reads from other machines need a read token, and ActionBot:Dashboard:ReadToken is not set.";
        if (LoginPage.IsForBrowser(Request))
        {
            await LoginPage.WriteAsync(Response, reason);
            return;
        }

        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync($"{reason} Send it as Authorization: Bearer TOKEN.\n");
    }

    private static AuthenticateResult Success(string how) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("read", how)], SchemeName)), SchemeName));

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Refused a read of {Path}: not from this machine, read token {Problem}")]
        public static partial void Refused(ILogger logger, string? path, string problem);
    }
}

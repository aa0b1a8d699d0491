using System.Net;

namespace ActionBot.ReadAccess;

/// <summary>The sign-in form: the browser posts the token once to <c>/login</c> and keeps a session cookie, so no token is ever in a URL.</summary>
internal static class LoginPage
{
    // No script, no outside request; the form can only post to this site.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static bool IsForBrowser(HttpRequest request) =>
        request.Path == "/" || request.Path == LoginEndpoints.Path || request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpResponse response, string message)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync($$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ActionBot · sign in</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:420px;margin:15vh auto;padding:0 16px}
            input,button{font:inherit;padding:8px;width:100%;margin-top:8px;box-sizing:border-box}</style></head><body>
            <h1>ActionBot</h1><p>{{WebUtility.HtmlEncode(message)}}</p>
            <form method="post" action="/login"><label for="token">Read token</label>
            <input type="password" name="token" id="token" autocomplete="current-password" required>
            <button type="submit">Open the dashboard</button></form></body></html>
            """);
    }
}

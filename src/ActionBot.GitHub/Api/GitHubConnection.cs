using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;

namespace ActionBot.GitHub.Api;

/// <summary>
/// Sends one <see cref="GitHubRequest"/> through the resilience pipeline: authorization (renewed once on a 401),
/// the write gate, conditional requests, and the status→exception map. Answers are read whole.
/// </summary>
internal sealed partial class GitHubConnection(
    HttpClient http,
    IGitHubCredentials credentials,
    GitHubResilience resilience,
    GitHubWriteGate writeGate,
    GitHubETagCache? etags,
    TimeProvider time,
    ILogger logger)
{
    public async Task<GitHubResponse> SendAsync(GitHubRequest request, CancellationToken cancellationToken)
    {
        var uri = Resolve(request.Route);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(GitHubResilience.SafeToRepeat, request.SafeToRepeat);
        try
        {
            return await resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Request, state.Uri, ctx.CancellationToken),
                context,
                (Self: this, Request: request, Uri: uri)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<GitHubResponse> AttemptAsync(GitHubRequest request, Uri uri, CancellationToken cancellationToken)
    {
        using var pass = request.CreatesContent ? await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false) : default;
        var cached = request.UseETag ? etags?.Find(uri) : null;
        var started = time.GetTimestamp();

        var authorization = await credentials.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(request, uri, authorization, cached, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && credentials.Invalidate(authorization))
        {
            // A 401 means GitHub did nothing, so even a POST may be sent again.
            Log.Reauthenticating(logger, request.Method, uri.AbsolutePath);
            response.Dispose();
            authorization = await credentials.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(request, uri, authorization, cached, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            var elapsed = time.GetElapsedTime(started);
            Log.Answered(logger, request.Method, uri.AbsolutePath, (int)status, elapsed.TotalMilliseconds);

            if (status == HttpStatusCode.NotModified && cached is not null)
            {
                return cached.Response;
            }

            if (response.IsSuccessStatusCode)
            {
                var answer = new GitHubResponse(status, body, GitHubLinkHeader.Next(response.Headers), response.Content.Headers.ContentType?.MediaType);
                if (request.UseETag && response.Headers.ETag is { } etag)
                {
                    etags?.Store(uri, etag.ToString(), answer);
                }

                return answer;
            }

            throw GitHubErrorMap.ToException(status, response.Headers, body);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        GitHubRequest request, Uri uri, AuthenticationHeaderValue authorization, GitHubETagCache.Entry? cached, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.Authorization = authorization;
        message.Headers.Accept.ParseAdd(request.Accept);
        if (cached is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        if (request.Content is { } content)
        {
            message.Content = new ByteArrayContent(content);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private Uri Resolve(string route)
    {
        var root = http.BaseAddress ?? throw new InvalidOperationException("The GitHub HttpClient has no BaseAddress.");
        var uri = new Uri(root, route);

        // Pagination links are absolute: never follow one to another host with our token.
        if (Uri.Compare(uri, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidOperationException($"Refusing to send a GitHub request to {uri.GetLeftPart(UriPartial.Authority)}, outside {root.GetLeftPart(UriPartial.Authority)}.");
        }

        return uri;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "GitHub {Method} {Path} answered {Status} in {ElapsedMilliseconds:0} ms")]
        public static partial void Answered(ILogger logger, HttpMethod method, string path, int status, double elapsedMilliseconds);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "GitHub refused the credentials of {Method} {Path} (401); sending it once more with new ones")]
        public static partial void Reauthenticating(ILogger logger, HttpMethod method, string path);
    }
}

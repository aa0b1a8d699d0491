using System.Net;
using ActionBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static ActionBot.Tests.ReadAccess.ReadRequests;

namespace ActionBot.Tests.ReadAccess;

/// <summary>
/// Read access fails closed: every endpoint the app maps, whoever mapped it (<c>/hangfire</c> too, and any read route
/// added later), is either one of the few public ones or refused to a client elsewhere without the token.
/// </summary>
public sealed class ReadAccessEndpointTests
{
    // Public because each is its own authentication (signatures), serves probes, or is the way in.
    private static readonly string[] Public =
    [
        "POST /webhooks/github", "POST /interactions/discord", "GET /healthz", "GET /readyz", "GET /login", "POST /login",
    ];

    [Fact]
    public async Task Every_endpoint_is_public_by_name_or_refused_without_the_token()
    {
        await using var app = await StartWithTokenAsync();
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var name = $"{method} {Path(endpoint.RoutePattern)}";
                using var anonymous = await app.SendAsync(new HttpMethod(method), Path(endpoint.RoutePattern), null, FromElsewhere);
                if (anonymous.StatusCode != HttpStatusCode.Unauthorized && !Public.Contains(name))
                {
                    open.Add($"{name} answered {(int)anonymous.StatusCode}");
                }
            }
        }

        Assert.Empty(open);
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/action-items");
    }

    [Fact]
    public async Task Only_the_public_endpoints_are_marked_public()
    {
        await using var app = await ServeApplication.StartAsync();

        var marked = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Path(e.RoutePattern)}"));

        Assert.Equal(Public.Order(), marked.Order());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/api/not-yet-written")]
    [InlineData("/hangfire")]
    public async Task A_path_no_endpoint_answers_tells_nothing_without_the_token(string path)
    {
        await using var app = await StartWithTokenAsync();

        using var anonymous = await app.GetAsync(path, FromElsewhere);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    // A concrete path for a route pattern: each parameter gets a plausible value.
    private static string Path(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => "1",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}

using ActionBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActionBot.Dashboard;

/// <summary>
/// <c>GET /</c>: the dashboard. Live from storage; a dry run of the bundled samples when GitHub is not configured and
/// storage holds nothing (or <c>?dryrun=1</c> asks for it).
/// </summary>
public static class DashboardEndpoint
{
    // No script, no outside request: styles are inline, charts are inline SVG, forms submit to the page itself.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <param name="dryRun">True when GitHub is not configured: the page shows what the samples would open.</param>
    public static IServiceCollection AddDashboard(this IServiceCollection services, bool dryRun)
    {
        services.TryAddSingleton(sp => new ItemDueDates(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IDueDateRule>()));
        services.TryAddSingleton<DashboardModelBuilder>();
        services.TryAddSingleton(sp => new SampleDryRun(sp.GetRequiredService<Core.Extraction.ActionItemExtractor>()));
        services.TryAddSingleton<ActionItemSource>();
        services.AddSingleton(new DashboardMode(dryRun));
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", RenderAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ActionItemSource source, DashboardModelBuilder builder, CancellationToken cancellationToken)
    {
        var filter = DashboardFilter.From(context.Request.Query);
        var dryRun = await source.IsDryRunAsync(context.Request.Query, cancellationToken);
        var tracked = await source.ReadAllAsync(dryRun, cancellationToken);
        var model = builder.Build(tracked, filter, dryRun) with { OffersDryRun = source.OffersDryRun && !dryRun };

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";

        // A read token may arrive in the query string; it must not leave in a Referer header.
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(DashboardPage.Render(model), "text/html; charset=utf-8");
    }
}

/// <summary>Whether the dashboard may show the samples' dry run (GitHub not configured) instead of what storage holds.</summary>
public sealed record DashboardMode(bool DryRun);

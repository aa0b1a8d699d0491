using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActionBot.Observability;

/// <summary><c>GET /metrics</c>: every <see cref="ActionBotMetrics"/> instrument in Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public const string Route = "/metrics";

    public static IServiceCollection AddActionBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ActionBotMetrics>();
        services.TryAddSingleton<MetricsCollector>();

        // Resolved at start-up, so the listener hears everything recorded from then on.
        services.AddHostedService(sp => new MetricsCollectorStarter(sp.GetRequiredService<MetricsCollector>()));
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ScrapeAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ScrapeAsync(
        IActionItemStore store, ItemDueDates dueDates, ActionBotMetrics metrics, MetricsCollector collector, CancellationToken cancellationToken)
    {
        // The item gauges are read from storage at each scrape: a scrape a minute costs one query, and they are never stale.
        metrics.SetItemCounts(await CountItemsAsync(store, dueDates, cancellationToken));
        return TypedResults.Text(PrometheusTextWriter.Write(collector.Collect()), PrometheusTextWriter.ContentType);
    }

    private static async Task<ItemCounts> CountItemsAsync(IActionItemStore store, ItemDueDates dueDates, CancellationToken cancellationToken)
    {
        // Summaries: every item still in its postmortem, without the wording the counts do not need.
        var items = await store.ListItemSummariesAsync(cancellationToken);
        var postmortems = (await store.ListPostmortemsAsync(null, cancellationToken)).ToDictionary(p => (p.Repository, p.Path));
        var today = dueDates.Today;
        long open = 0, overdue = 0, closed = 0;
        foreach (var item in items)
        {
            if (item.State == ItemState.Closed)
            {
                closed++;
                continue;
            }

            open++;
            overdue += dueDates.DueDate(item, postmortems.GetValueOrDefault((item.Repository, item.Path))) < today ? 1 : 0;
        }

        return new ItemCounts(open, overdue, closed);
    }

    private sealed class MetricsCollectorStarter(MetricsCollector collector) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(collector);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

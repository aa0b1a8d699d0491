using ActionBot.Core.Ports;
using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Hosting;

/// <summary><c>GET /api/action-items</c> and its CSV on a bot whose storage is PostgreSQL (the paging SQL is shared).</summary>
public sealed class ActionItemsApiPostgresTests(PostgresServerFixture postgres) : IntegrationTest, IClassFixture<PostgresServerFixture>
{
    [RequiresPostgresFact]
    public async Task Following_Link_next_and_reading_the_csv_see_every_item_once()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var app = await StartBotAsync(settings: s =>
        {
            s["ActionBot:Storage:Provider"] = "Postgres";
            s["ActionBot:Storage:ConnectionString"] = connectionString;
        });
        var store = app.Services.GetRequiredService<IActionItemStore>();
        var seeded = await StoredItems.SeedAsync(store, 37);
        var late = StoredItems.Item("late", "postmortems/a.md", StoredItems.Start.AddDays(9));

        var (items, pages) = await ApiPages.WalkAsync(app.Client, "/api/action-items?state=all&limit=10", page =>
            page == 1 ? store.UpsertItemsAsync([late], CancellationToken.None) : Task.CompletedTask);
        var csv = Rfc4180.Parse(await app.Client.GetStringAsync(new Uri("/api/action-items.csv?state=all", UriKind.Relative)));

        var expected = seeded.OrderBy(i => i.CreatedAt).ThenBy(i => i.Key, StringComparer.Ordinal).Append(late).Select(i => i.Key).ToList();
        Assert.Equal(expected, items.Select(i => i.Key));
        Assert.Equal(4, pages);
        Assert.Equal(expected, csv.Skip(1).Select(r => r[0]));
        app.AssertLogsAreClean();
    }
}

using ActionBot.Core.Ports;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Processing;
using ActionBot.Storage;
using ActionBot.Testing;
using ActionBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Hosting;

/// <summary>The background worker's batches: claimed together after a short settle, settled one by one on shutdown.</summary>
public sealed class DeliveryWorkerTests : IntegrationTest
{
    [Fact]
    public async Task A_bot_stopped_mid_batch_puts_back_the_deliveries_not_started_and_its_restart_takes_back_the_one_in_flight()
    {
        // The worker, woken by the first delivery, settles on this clock: all three are stored before it claims.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var kill = new ProcessKill(createsBeforeKill: 0);
        var first = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(kill.CreateHandler), clock: clock);
        for (var number = 41; number <= 43; number++)
        {
            using var response = await first.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, number, SamplePostmortems.Both));
        }

        clock.Advance(new DeliveryWorkerOptions().SettleDelay);
        await kill.Reached.WaitAsync(ActionBotApplication.WaitLimit);
        await first.DisposeAsync();

        // The two never started were put back due now; the one in flight stayed claimed, and the restarted bot takes
        // its own claim back at start-up: all three are done at once, on a clock that never moves past the lease.
        var second = await StartBotAsync(clock: clock);
        await second.DrainAsync();

        Assert.Equal(
            [("done", ""), ("done", "not started: the worker stopped"), ("done", "not started: the worker stopped")],
            (await StatusesAsync(second)).Order());
        Assert.Equal(0, await second.CountPendingDeliveriesAsync());
    }

    // Taken back at once at every restart, a delivery that kills the process would kill it forever: its claims are
    // counted, and one claimed more often than it has attempts is set aside unprocessed.
    [Fact]
    public async Task A_delivery_whose_runs_all_died_with_it_is_set_aside_without_being_processed_again()
    {
        var app = await StartBotAsync();
        var attempts = new DeliveryWorkerOptions().MaxAttempts;
        var body = MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both);
        await app.Services.GetRequiredService<IDeliveryInbox>().TryAddAsync(new InboxDelivery("poison", "pull_request", "closed", ActionBotApplication.Repository, body, TimeProvider.System.GetUtcNow(), attempts), CancellationToken.None);

        await app.DrainAsync();

        Assert.Equal([("failed", $"claimed {attempts + 1} times for {attempts} attempts: the process stopped while working on it")], await StatusesAsync(app));
        Assert.Empty(Repository.Issues);
        Assert.Single(app.Logs.Errors, e => e.EventId.Id == 2004);
    }

    private static async Task<List<(string Status, string Error)>> StatusesAsync(ActionBotApplication app)
    {
        await using var connection = await app.Services.GetRequiredService<StorageDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COALESCE(last_error, '') FROM webhook_deliveries";
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            statuses.Add((reader.GetString(0), reader.GetString(1)));
        }

        return statuses;
    }
}

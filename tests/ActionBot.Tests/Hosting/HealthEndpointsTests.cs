using System.Net;
using ActionBot.Scheduling;
using ActionBot.Tests.Infrastructure;
using Hangfire;

namespace ActionBot.Tests.Hosting;

/// <summary><c>/healthz</c> and <c>/readyz</c> as a load balancer or Kubernetes probes them.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Readyz_answers_200_while_storage_and_the_Hangfire_server_are_up_and_503_once_the_server_stops_while_healthz_stays_200()
    {
        await using var app = await ServeApplication.StartAsync();
        await app.Service<SchedulerHealth>().Started.WaitAsync(ActionBotApplication.WaitLimit);
        using var ready = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        await app.Service<BackgroundJobServerHostedService>().StopAsync(CancellationToken.None);
        using var stopped = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var alive = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.Contains("the scheduler is not running", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}

using ActionBot.Scheduling;
using ActionBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActionBot.Hosting;

/// <summary><c>/healthz</c>: the process runs. <c>/readyz</c>: the host has started, storage answers and the scheduler runs.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Public: probes carry no token.
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous();
        endpoints.MapGet("/readyz", ReadyAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Ok<string>, ProblemHttpResult>> ReadyAsync(
        StorageHealth storage, SchedulerHealth scheduler, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return TypedResults.Problem("starting", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!scheduler.IsRunning)
        {
            return TypedResults.Problem("the scheduler is not running", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return await storage.IsReadyAsync(cancellationToken)
            ? TypedResults.Ok("ready")
            : TypedResults.Problem("storage is not answering", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

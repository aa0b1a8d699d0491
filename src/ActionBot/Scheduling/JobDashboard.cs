using Hangfire;

namespace ActionBot.Scheduling;

/// <summary>Hangfire's own dashboard at <c>/hangfire</c>: recurring jobs, runs and failures, read-only.</summary>
public static class JobDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Maps the dashboard as an endpoint, without Hangfire's authorization filters (by default, local requests only):
    /// our read-access rule decides who reads it, as it does for <c>/</c>. Read-only: no button triggers, requeues
    /// or deletes a job. It loads its scripts and styles from its own routes under <see cref="Path"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapJobDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithNoAuthorizationFilters(Path, new DashboardOptions
        {
            IsReadOnlyFunc = _ => true,
            AppPath = "/",
            DashboardTitle = "ActionBot jobs",

            // The PostgreSQL store would show its host and database to every reader.
            DisplayStorageConnectionString = false,
        });
}

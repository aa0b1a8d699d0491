using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Storage;
using ActionBot.Storage.Postgres;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Reminders, the weekly digest and Hangfire, which runs them: the reminder sweep, the digest (unless
    /// <c>DigestCron</c> is empty), the outbox retry, and the GitHub reconcile when <paramref name="gitHub"/> is on, each
    /// a recurring job registered at start-up. Call after <c>AddStorage</c>: hosted services start in registration
    /// order, and the registrar and the Hangfire server start after the migrations (which install Hangfire's
    /// PostgreSQL schema).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, bool gitHub)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.AddOptions<MaintenanceOptions>().BindConfiguration(MaintenanceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value.ToSettings());
        services.AddSingleton<ReminderPolicy>();
        services.AddSingleton<DueDateRule>();
        services.AddSingleton<IDueDateRule>(sp => sp.GetRequiredService<DueDateRule>());
        services.TryAddSingleton<IChannelDirectory, ConfiguredChannelDirectory>();
        services.TryAddSingleton<IAccountLinks, NoAccountLinks>();
        services.AddSingleton<IDigestComposer, WeeklyDigestComposer>();
        services.AddSingleton(sp => new ReminderSweep(
            sp.GetRequiredService<IReminderLedger>(),
            sp.GetRequiredService<IChatNotifier>(),
            sp.GetRequiredService<IAccountLinks>(),
            sp.GetRequiredService<IChannelDirectory>(),
            sp.GetRequiredService<ReminderPolicy>(),
            sp.GetRequiredService<DueDateRule>(),
            sp.GetService<IIssueTracker>(),
            sp.GetService<ActionBot.Core.Observability.ActionBotMetrics>()));

        // The jobs exist whatever is scheduled: tests and commands run them directly.
        services.AddTransient<ReminderSweepJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<OutboxRetryJob>();
        services.AddSingleton(sp => ScheduledJob.Of<ReminderSweepJob>(
            j => j.RunAsync(CancellationToken.None), JobSchedule.Every(sp.GetRequiredService<IOptions<ReminderOptions>>().Value.SweepEvery)));
        services.AddSingleton(sp => ScheduledJob.Of<OutboxRetryJob>(
            j => j.RunAsync(CancellationToken.None), JobSchedule.Every(sp.GetRequiredService<IOptions<MaintenanceOptions>>().Value.RetryEvery)));
        // Read from configuration, not options: which services exist is decided before the container is built.
        if (configuration[$"{ReminderOptions.SectionName}:{nameof(ReminderOptions.DigestCron)}"] is not { } digestCron || !string.IsNullOrWhiteSpace(digestCron))
        {
            services.AddSingleton(sp => ScheduledJob.Of<WeeklyDigestJob>(
                j => j.PostWeeklyAsync(CancellationToken.None),
                JobSchedule.Of(sp.GetRequiredService<IOptions<ReminderOptions>>().Value.DigestCron!, sp.GetRequiredService<ReminderSettings>().TimeZone)));
        }

        if (gitHub)
        {
            services.AddTransient<GitHubReconcileJob>();
            services.AddSingleton(sp => ScheduledJob.Of<GitHubReconcileJob>(
                j => j.RunAsync(CancellationToken.None), JobSchedule.Every(sp.GetRequiredService<IOptions<MaintenanceOptions>>().Value.ReconcileEvery)));
        }

        return services.AddHangfireScheduler(configuration);
    }

    // Hangfire with a store, a job activator and a server of this host's own. Hangfire keeps process-wide defaults
    // (JobStorage.Current, JobActivator.Current); tests run several hosts in one process, so nothing here reads them:
    // the store and the activator are registered before AddHangfire, whose own registrations of them (TryAdd, from
    // those globals) then do nothing, and the server, the recurring-job manager and the dashboard take them from here.
    private static IServiceCollection AddHangfireScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = JobStore.IsPostgres(configuration);
        services.AddSingleton(sp =>
        {
            // Hangfire configured first (how it serializes), and the store's threads started in this host's log scope.
            sp.GetRequiredService<IGlobalConfiguration>();
            using (HangfireLogRouter.Enter(sp.GetRequiredService<ILoggerFactory>()))
            {
                return JobStore.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value, postgres);
            }
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        if (postgres)
        {
            services.AddSingleton<IPostgresSchemaInstaller, HangfireSchemaInstaller>();
        }

        // Process-wide, but the same for every host: how jobs are serialized, and Hangfire's logging, routed to the host
        // whose Hangfire code writes each line (AddHangfire would point it at the host configured last).
        services.AddSingleton<HangfireLogAttachment>();
        services.AddHangfire((sp, config) =>
        {
            sp.GetRequiredService<HangfireLogAttachment>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogRouter.Instance);
        });

        services.AddSingleton<RecurringJobRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobRegistrar>());

        services.AddSingleton<SchedulerHealth>();
        services.AddSingleton<IBackgroundProcess, SchedulerHeartbeat>();
        services.AddSingleton<IBackgroundProcess, IntervalTrigger>();
        services.AddHangfireServer((sp, options) =>
        {
            var jobs = sp.GetServices<ScheduledJob>().ToList();

            // A worker per job (Hangfire's default is five per core): a long reconcile never holds up a sweep, and on
            // PostgreSQL each idle worker holds a LISTEN connection.
            options.WorkerCount = Math.Max(2, jobs.Count);
            options.SchedulePollingInterval = JobSchedule.PollingInterval(jobs.Select(j => j.Schedule));
        });

        // AddHangfireServer registers the server's hosted service as transient: made a singleton, the instance the host
        // starts is the one the container hands out (a test stops it and sees /readyz turn 503). Built and started in
        // this host's log scope, so that the server's threads log to this host.
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(server);
        services.AddSingleton(sp =>
        {
            using (HangfireLogRouter.Enter(sp.GetRequiredService<ILoggerFactory>()))
            {
                return (BackgroundJobServerHostedService)server.ImplementationFactory!(sp);
            }
        });
        services.AddHostedService(sp => new HangfireHostedService(sp.GetRequiredService<BackgroundJobServerHostedService>(), sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}

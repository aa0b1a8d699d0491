using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz.Spi;

namespace ActionBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Reminders, the weekly digest and the scheduler that runs them. The reminder, digest and retry jobs need only
    /// storage and the chat port; the GitHub reconcile job is scheduled when <paramref name="gitHub"/> is on. Call after
    /// <c>AddStorage</c> (migrations run before the scheduler starts).
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

        services.AddTransient<ReminderSweepJob>();
        services.AddTransient<WeeklyDigestJob>();
        services.AddTransient<OutboxRetryJob>();
        services.AddSingleton(sp => ScheduledJob.Every<ReminderSweepJob>(sp.GetRequiredService<IOptions<ReminderOptions>>().Value.SweepEvery));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ReminderOptions>>().Value;
            return ScheduledJob.Cron<WeeklyDigestJob>(options.DigestCron, sp.GetRequiredService<ReminderSettings>().TimeZone);
        });
        services.AddSingleton(sp => ScheduledJob.Every<OutboxRetryJob>(sp.GetRequiredService<IOptions<MaintenanceOptions>>().Value.RetryEvery));
        if (gitHub)
        {
            services.AddTransient<GitHubReconcileJob>();
            services.AddSingleton(sp => ScheduledJob.Every<GitHubReconcileJob>(sp.GetRequiredService<IOptions<MaintenanceOptions>>().Value.ReconcileEvery));
        }

        services.AddSingleton<IJobFactory, DependencyInjectionJobFactory>();
        services.AddSingleton<SchedulerHealth>();
        services.AddHostedService<QuartzHostedService>();
        return services;
    }
}

using ActionBot.Core.Observability;
using ActionBot.Core.Reminders;
using ActionBot.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.Tests.Observability;

/// <summary>The exposition format: names, escaping of label values, cumulative histogram buckets, and one meter per host.</summary>
public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Label_values_are_escaped_and_histogram_buckets_are_cumulative()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<ActionBotMetrics>().AddSingleton<MetricsCollector>().BuildServiceProvider();
        var metrics = services.GetRequiredService<ActionBotMetrics>();
        using var collector = services.GetRequiredService<MetricsCollector>();

        metrics.WebhookRejected("github", "quote\" back\\slash\nnewline");
        metrics.GitHubCall("GET", 200, TimeSpan.FromMilliseconds(30));
        metrics.GitHubCall("GET", 200, TimeSpan.FromSeconds(2));
        var text = PrometheusTextWriter.Write(collector.Collect());

        Assert.Contains("actionbot_webhooks_rejected_total{reason=\"quote\\\" back\\\\slash\\nnewline\",source=\"github\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_bucket{method=\"GET\",status=\"200\",le=\"0.025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_bucket{method=\"GET\",status=\"200\",le=\"0.05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_bucket{method=\"GET\",status=\"200\",le=\"2.5\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_bucket{method=\"GET\",status=\"200\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_count{method=\"GET\",status=\"200\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("actionbot_github_call_duration_seconds_sum{method=\"GET\",status=\"200\"} 2.03", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collector_hears_only_its_own_hosts_meter()
    {
        using var mine = new ServiceCollection().AddMetrics().AddSingleton<ActionBotMetrics>().AddSingleton<MetricsCollector>().BuildServiceProvider();
        using var other = new ServiceCollection().AddMetrics().AddSingleton<ActionBotMetrics>().BuildServiceProvider();
        using var collector = mine.GetRequiredService<MetricsCollector>();

        other.GetRequiredService<ActionBotMetrics>().ReminderSent(ReminderKind.Overdue);
        mine.GetRequiredService<ActionBotMetrics>().ReminderSent(ReminderKind.Overdue);
        var text = PrometheusTextWriter.Write(collector.Collect());

        Assert.Contains("actionbot_reminders_sent_total{kind=\"overdue\"} 1\n", text, StringComparison.Ordinal);
    }
}

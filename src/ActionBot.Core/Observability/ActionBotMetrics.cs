using System.Diagnostics.Metrics;
using ActionBot.Core.Reminders;

namespace ActionBot.Core.Observability;

/// <summary>Counts of tracked items at one moment, for the item gauges.</summary>
public sealed record ItemCounts(long Open, long Overdue, long Closed);

/// <summary>
/// Every instrument of the bot, defined once on the <c>ActionBot</c> meter. Core holds it because the BCL's
/// metrics API does no I/O and every adapter (GitHub, Discord, reminders) records into it; the host exports it
/// (<c>GET /metrics</c>). Created through <see cref="IMeterFactory"/>, so each host (and each test) has its own meter.
/// </summary>
public sealed class ActionBotMetrics
{
    public const string MeterName = "ActionBot";

    private readonly Counter<long> _webhooksReceived;
    private readonly Counter<long> _webhooksRejected;
    private readonly Counter<long> _issuesOpened;
    private readonly Counter<long> _subIssuesAttached;
    private readonly Histogram<double> _githubCalls;
    private readonly Histogram<double> _discordCalls;
    private readonly Counter<long> _rateLimitWaits;
    private readonly Histogram<double> _rateLimitWaitSeconds;
    private readonly Counter<long> _remindersSent;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _overdueComments;
    private readonly Counter<long> _chatMessages;
    private ItemCounts _items = new(0, 0, 0);

    public ActionBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _webhooksReceived = Meter.CreateCounter<long>("actionbot.webhooks.received", "{delivery}", "Webhook deliveries received, by source and event");
        _webhooksRejected = Meter.CreateCounter<long>("actionbot.webhooks.rejected", "{delivery}", "Webhook deliveries refused, by source and reason");
        _issuesOpened = Meter.CreateCounter<long>("actionbot.issues.opened", "{issue}", "Issues opened for action items");
        _subIssuesAttached = Meter.CreateCounter<long>("actionbot.issues.attached", "{issue}", "Action-item issues attached to their postmortem's tracking issue as sub-issues");
        _githubCalls = Meter.CreateHistogram<double>("actionbot.github.call.duration", "s", "GitHub REST calls and their latency, by method and status");
        _discordCalls = Meter.CreateHistogram<double>("actionbot.discord.call.duration", "s", "Discord REST calls and their latency, by method, route template and status");
        _rateLimitWaits = Meter.CreateCounter<long>("actionbot.ratelimit.waits", "{wait}", "Waits for a spent rate limit, by service");
        _rateLimitWaitSeconds = Meter.CreateHistogram<double>("actionbot.ratelimit.wait.duration", "s", "How long each rate-limit wait lasted, by service");
        _remindersSent = Meter.CreateCounter<long>("actionbot.reminders.sent", "{reminder}", "Item reminders sent to owners, by kind (before_due, on_due, overdue)");
        _escalations = Meter.CreateCounter<long>("actionbot.reminders.escalations", "{item}", "Items raised in their channel after repeated overdue reminders");
        _overdueComments = Meter.CreateCounter<long>("actionbot.reminders.overdue_comments", "{comment}", "Overdue comments on action-item issues");
        _chatMessages = Meter.CreateCounter<long>("actionbot.chat.messages", "{message}", "Outgoing chat messages by kind (announce, remind, escalate, digest) and outcome (sent, retried, failed)");
        Meter.CreateObservableGauge("actionbot.items.open", () => Volatile.Read(ref _items).Open, "{item}", "Open action items");
        Meter.CreateObservableGauge("actionbot.items.overdue", () => Volatile.Read(ref _items).Overdue, "{item}", "Open action items past their due date");
        Meter.CreateObservableGauge("actionbot.items.closed", () => Volatile.Read(ref _items).Closed, "{item}", "Closed action items");
    }

    public Meter Meter { get; }

    public void WebhookReceived(string source, string eventName) =>
        _webhooksReceived.Add(1, new("source", source), new("event", eventName));

    public void WebhookRejected(string source, string reason) =>
        _webhooksRejected.Add(1, new("source", source), new("reason", reason));

    public void IssueOpened(string issueRepository) => _issuesOpened.Add(1, new KeyValuePair<string, object?>("repository", issueRepository));

    public void SubIssueAttached(string issueRepository) => _subIssuesAttached.Add(1, new KeyValuePair<string, object?>("repository", issueRepository));

    /// <param name="status">The HTTP status, or 0 when no answer came (connection failure, time-out).</param>
    public void GitHubCall(string method, int status, TimeSpan elapsed) =>
        _githubCalls.Record(elapsed.TotalSeconds, new("method", method), new("status", status));

    /// <param name="route">The route template (<c>channels/{id}/messages</c>): ids and tokens left out, so series stay few.</param>
    /// <param name="status">The HTTP status, or 0 when no answer came (connection failure, time-out).</param>
    public void DiscordCall(string method, string route, int status, TimeSpan elapsed) =>
        _discordCalls.Record(elapsed.TotalSeconds, new("method", method), new("route", route), new("status", status));

    public void RateLimitWait(string service, TimeSpan wait)
    {
        _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("service", service));
        _rateLimitWaitSeconds.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("service", service));
    }

    public void ReminderSent(ReminderKind kind) => _remindersSent.Add(1, new KeyValuePair<string, object?>("kind", kind switch
    {
        ReminderKind.BeforeDue => "before_due",
        ReminderKind.OnDue => "on_due",
        _ => "overdue",
    }));

    public void Escalated() => _escalations.Add(1);

    public void OverdueCommented() => _overdueComments.Add(1);

    /// <param name="key">The message's key; its first part (<c>remind</c> of <c>remind:…</c>) is the kind.</param>
    /// <param name="outcome"><c>sent</c>, <c>retried</c> (put back for later) or <c>failed</c> (refused for good).</param>
    public void ChatMessage(string key, string outcome)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        _chatMessages.Add(1, new("kind", colon > 0 ? key[..colon] : "other"), new("outcome", outcome));
    }

    /// <summary>Sets what the item gauges report; the exporter refreshes it from storage before each scrape.</summary>
    public void SetItemCounts(ItemCounts counts) => Volatile.Write(ref _items, counts);
}

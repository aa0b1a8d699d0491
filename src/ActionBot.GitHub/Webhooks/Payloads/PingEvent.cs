namespace ActionBot.GitHub.Webhooks.Payloads;

/// <summary>The <c>ping</c> delivery GitHub sends when a webhook is created.</summary>
public sealed record PingEvent(string Zen, long HookId);

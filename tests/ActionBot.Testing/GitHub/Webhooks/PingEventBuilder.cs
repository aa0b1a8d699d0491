namespace ActionBot.Testing.GitHub.Webhooks;

/// <summary>The <c>ping</c> delivery GitHub sends when a webhook is created.</summary>
public sealed class PingEventBuilder
{
    private static readonly string[] Events = ["issues", "pull_request", "push"];

    private string _repository = "acme/services";
    private long _hookId = 512347890;

    public PingEventBuilder InRepository(string fullName) { _repository = fullName; return this; }

    public PingEventBuilder WithHookId(long hookId) { _hookId = hookId; return this; }

    public byte[] Build() => GitHubPayloadWriter.Write(w =>
    {
        w.WriteString("zen", "Design for failure.");
        w.WriteNumber("hook_id", _hookId);
        w.WriteStartObject("hook");
        w.WriteString("type", "Repository");
        w.WriteNumber("id", _hookId);
        w.WriteString("name", "web");
        w.WriteBoolean("active", true);
        w.WriteStartArray("events");
        foreach (var name in Events)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteStartObject("config");
        w.WriteString("content_type", "json");
        w.WriteString("insecure_ssl", "0");
        w.WriteString("secret", "********");
        w.WriteString("url", "https://actionbot.example.com/webhooks/github");
        w.WriteEndObject();
        w.WriteEndObject();
        GitHubPayloadWriter.WriteRepository(w, "repository", _repository, "main");
        GitHubPayloadWriter.WriteUser(w, "sender", "dana", 583231);
    });
}

using System.Globalization;
using System.Text;

namespace ActionBot.Benchmarks;

/// <summary>
/// Realistic postmortems in Markdown, generated from a fixed seed so every run (and the host process
/// that computes MB/s) sees the same bytes.
/// </summary>
public sealed class PostmortemCorpus
{
    private static readonly Lazy<PostmortemCorpus> LazyDefault = new(() => Generate(count: 400, seed: 20240301));

    private PostmortemCorpus(IReadOnlyList<string> documents)
    {
        Documents = documents;
        TotalUtf8Bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
    }

    /// <summary>400 postmortems of ~3–15 KB each, a few MB in all.</summary>
    public static PostmortemCorpus Default => LazyDefault.Value;

    public IReadOnlyList<string> Documents { get; }
    public long TotalUtf8Bytes { get; }

    public static PostmortemCorpus Generate(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new string[count];
        for (var i = 0; i < count; i++)
            documents[i] = new PostmortemWriter(random, i).Write();
        return new PostmortemCorpus(documents);
    }
}

/// <summary>Writes one postmortem; the shape of each section is drawn from the shared random source.</summary>
internal sealed class PostmortemWriter(Random random, int number)
{
    private static readonly string[] Services = ["checkout-api", "billing-worker", "search-indexer", "auth-gateway", "media-cdn", "notifications", "ledger-db", "feature-flags"];
    private static readonly string[] Symptoms = ["elevated 5xx rates", "stale search results", "failed card payments", "login timeouts", "duplicate emails", "missing invoices", "slow page loads"];
    private static readonly string[] Causes = ["a connection pool exhausted by a retry storm", "an expired TLS certificate on an internal load balancer", "a schema migration that locked the orders table", "a feature flag rolled out to 100% instead of 1%", "a DNS TTL set to one week during the cut-over", "a cron job that ran in two regions at once", "an unbounded queue filling the disk"];
    private static readonly string[] Owners = ["@alice", "@bob", "@chen", "@dmitri", "@esther", "@farid", "@sre-team", "@payments-oncall"];
    private static readonly string[] Verbs = ["Add", "Alert on", "Document", "Automate", "Rotate", "Load-test", "Rate-limit", "Cap", "Remove", "Backfill", "Monitor", "Review"];
    private static readonly string[] Objects = ["connection pool saturation", "certificate expiry dates", "the migration runbook", "flag rollout percentages", "retry budgets in the SDK", "queue depth on the worker", "DNS TTLs before cut-overs", "the on-call escalation path", "disk usage on the brokers", "canary analysis for config pushes"];
    private static readonly string[] PastActions = ["Rolled back the deploy", "Failed over to the secondary region", "Restarted the stuck workers", "Raised the pool size from 50 to 200", "Renewed the certificate by hand", "Drained and replayed the dead-letter queue", "Disabled the feature flag", "Paused the cron job in us-east"];
    private static readonly string[] Sentences =
    [
        "The on-call engineer was paged by the synthetic checks and acknowledged within four minutes.",
        "Dashboards showed the error rate climbing steadily while latency stayed flat, which pointed away from the database at first.",
        "Because the retries had no jitter, every client hit the service again at the same moment.",
        "The runbook described the old topology, so the first mitigation attempt targeted the wrong cluster.",
        "Customers saw `HTTP 503` responses and some retried their payments manually, which doubled the load.",
        "We confirmed the hypothesis by replaying a sample of the traffic against a staging copy.",
        "Nothing in the change review flagged the risk, since the diff touched only configuration.",
        "See the [incident channel](https://chat.example.com/archives/inc) and the **status page** history for the raw timeline.",
        "The alert fired, but it was routed to a team that had been renamed _two weeks earlier_.",
        "Internal tooling kept working, which hid the problem from employees for most of the incident.",
    ];

    private readonly StringBuilder _text = new();
    private readonly DateOnly _date = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 700));

    public string Write()
    {
        var service = Pick(Services);
        if (random.Next(3) == 0)
            _text.Append(CultureInfo.InvariantCulture, $"---\ntitle: {service} outage\ndate: {_date:yyyy-MM-dd}\nseverity: SEV{random.Next(1, 4)}\n---\n\n");
        _text.Append(CultureInfo.InvariantCulture, $"# Postmortem #{number}: {Pick(Symptoms)} on {service}\n\n");
        Section("Summary", () => Prose(random.Next(1, 4)));
        Section("Impact", () => { Prose(random.Next(1, 3)); Bullets(random.Next(2, 6), () => $"{random.Next(1, 90)}% of {Pick(Symptoms)} in {Pick(Services)}"); });
        Section("Timeline", Timeline);
        Section("Root cause", () => { _text.Append(CultureInfo.InvariantCulture, $"The trigger was {Pick(Causes)}.\n\n"); Prose(random.Next(2, 10)); });
        Section("Resolution", () => Bullets(random.Next(3, 9), () => $"{Pick(PastActions)} at {Clock()} UTC."));
        Section("Action items", ActionItems);
        if (random.Next(2) == 0)
            Section("Lessons learned", () => Prose(random.Next(2, 8)));
        return _text.ToString();
    }

    private void Section(string heading, Action body)
    {
        _text.Append(CultureInfo.InvariantCulture, $"## {heading}\n\n");
        body();
    }

    private void Prose(int paragraphs)
    {
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = Enumerable.Range(0, random.Next(2, 7)).Select(_ => Pick(Sentences));
            _text.AppendJoin(' ', sentences).Append("\n\n");
        }
    }

    private void Bullets(int count, Func<string> line)
    {
        for (var i = 0; i < count; i++)
            _text.Append("- ").Append(line()).Append('\n');
        _text.Append('\n');
    }

    private void Timeline()
    {
        var clock = new TimeOnly(random.Next(0, 24), random.Next(0, 60));
        for (var entries = random.Next(8, 60); entries > 0; entries--)
        {
            clock = clock.AddMinutes(random.Next(1, 25));
            _text.Append(CultureInfo.InvariantCulture, $"- **{clock:HH:mm}** — {Pick(Sentences)}\n");
        }
        _text.Append('\n');
    }

    private void ActionItems()
    {
        // Real postmortems mix layouts, sometimes two in one document.
        var layouts = random.Next(1, 3);
        for (var layout = 0; layout < layouts; layout++)
        {
            if (layout > 0)
                _text.Append("### Longer term\n\n");
            var count = random.Next(3, 12);
            switch (random.Next(5))
            {
                case 0: Bullets(count, () => $"{Task()} {Pick(Owners)} by {Due()}"); break;
                case 1: Numbered(count); break;
                case 2: Bullets(count, () => $"[{(random.Next(3) == 0 ? "x" : " ")}] {Task()} (owner: {Pick(Owners)}, due {Due()})"); break;
                case 3: Table(count); break;
                default: Labelled(count); break;
            }
        }
    }

    private void Numbered(int count)
    {
        for (var i = 1; i <= count; i++)
            _text.Append(CultureInfo.InvariantCulture, $"{i}. **{Task()}** — {Pick(Owners)}, {Due()}\n");
        _text.Append('\n');
    }

    private void Table(int count)
    {
        _text.Append("| Action | Owner | Due | Priority | Ticket |\n|---|---|:---:|---|---|\n");
        for (var i = 0; i < count; i++)
            _text.Append(CultureInfo.InvariantCulture, $"| {Task()} | {Pick(Owners)} | {Due()} | P{random.Next(0, 4)} | [OPS-{random.Next(100, 9999)}](https://tracker.example.com/OPS) |\n");
        _text.Append('\n');
    }

    private void Labelled(int count)
    {
        foreach (var label in new[] { "Corrective", "Preventative" })
        {
            _text.Append(CultureInfo.InvariantCulture, $"**{label}**\n\n");
            for (var i = 0; i < (count / 2) + 1; i++)
            {
                _text.Append(CultureInfo.InvariantCulture, $"- {Task()}\n  - Owner: {Pick(Owners)}\n  - Due: {Due()}\n");
                if (random.Next(2) == 0)
                    _text.Append(CultureInfo.InvariantCulture, $"  - Notes: {Pick(Sentences)}\n");
            }
            _text.Append('\n');
        }
    }

    private string Task() => $"{Pick(Verbs)} {Pick(Objects)}";
    private string Due() => _date.AddDays(random.Next(7, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private string Clock() => $"{random.Next(0, 24):00}:{random.Next(0, 60):00}";
    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}

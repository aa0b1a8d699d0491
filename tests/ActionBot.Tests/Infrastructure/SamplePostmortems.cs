namespace ActionBot.Tests.Infrastructure;

/// <summary>Two short postmortems: the cache one has three open items and one done; the queue one has two open items.</summary>
internal static class SamplePostmortems
{
    public const string CachePath = "postmortems/2025-03-01-cache-stampede.md";
    public const string QueuePath = "postmortems/2025-03-02-queue-backlog.md";

    public const string Cache = """
        # Cache stampede after the Friday deploy (March 1, 2025)

        ## Summary

        The deploy cleared the product cache during peak traffic and the database saturated for 12 minutes.

        ## Action items

        - [ ] Add request coalescing to the product cache
        - [ ] Alert when the cache hit ratio drops below 80 percent
        - [ ] Document the cache warm-up procedure in the runbook
        - [x] Roll back the deploy that flushed the cache

        """;

    /// <summary>The cache postmortem edited: the first item reworded, the runbook item removed, a load-test item added.</summary>
    public const string CacheEdited = """
        # Cache stampede after the Friday deploy (March 1, 2025)

        ## Summary

        The deploy cleared the product cache during peak traffic and the database saturated for 12 minutes.

        ## Action items

        - [ ] Add request coalescing to the product cache service
        - [ ] Alert when the cache hit ratio drops below 80 percent
        - [ ] Load test the storefront before each seasonal sale
        - [x] Roll back the deploy that flushed the cache

        """;

    public const string Queue = """
        # Order queue backlog during broker failover (March 2, 2025)

        ## Follow-ups

        - [ ] Page the on-call engineer when the order queue backlog exceeds ten minutes
        - [ ] Rehearse the message broker failover every quarter

        """;

    public static readonly string[] CacheOpenTitles =
    [
        "Add request coalescing to the product cache",
        "Alert when the cache hit ratio drops below 80 percent",
        "Document the cache warm-up procedure in the runbook",
    ];

    public static readonly string[] QueueOpenTitles =
    [
        "Page the on-call engineer when the order queue backlog exceeds ten minutes",
        "Rehearse the message broker failover every quarter",
    ];

    public static PostmortemFile CacheFile => new(CachePath, Cache);

    public static PostmortemFile QueueFile => new(QueuePath, Queue);

    public static IReadOnlyList<PostmortemFile> Both => [CacheFile, QueueFile];
}

namespace ActionBot.Core.Tests.Extraction.TestData;

/// <summary>Small, valid postmortems that the fuzz tests mutate; each uses a different action-item layout.</summary>
internal static class FuzzSeedPostmortems
{
    public const string BulletsWithFrontMatter = """
        ---
        title: Webhook queue backlog
        date: 2024-02-12
        ---

        # Webhook queue backlog

        ## Summary

        Deliveries were delayed by up to **40 minutes** after a worker deploy pinned `MaxConcurrency` to 1.

        ## Timeline

        - 09:14 Deploy of worker v2.3 finished.
        - 09:31 Queue-depth alert fired; paged @rosa.
        - 09:58 Rolled back to v2.2.

        ## Resolution

        - Rolled back the worker.
        - Drained the backlog by hand.

        ## Action items

        - Alert on queue age, not only depth @rosa by 2024-03-01
        - Add a config test for `MaxConcurrency` (@tomas, due 2024-03-15)
        - [Document the rollback](https://wiki.example.com/rollback) @ops-team
        """;

    public const string TableAndTaskList = """
        # Incident 2024-07: expired signing key

        Impact: all logins failed for 22 minutes.

        ## Root cause

        The signing key expired; the rotation job had been failing silently since June.

        ## Follow-ups

        | Action | Owner | Due | Priority |
        |---|---|---|---|
        | Page on rotation-job failure | @li | 2024-08-01 | P1 |
        | Expose key expiry as a metric | @sam | 2024-08-15 | P2 |

        ### Checklist

        - [x] Rotate the key
        - [ ] Add expiry to the weekly report @li
        """;

    public const string NumberedUnderBoldLabels = """
        Postmortem: cache stampede on the catalog
        =========================================

        > Severity 2. Written by the storefront team.

        **Corrective actions**

        1. Add request coalescing to the catalog cache — owner @mei, due 2024-05-20
        2. Cap retries at 3 with jitter
           - covers both the web and mobile clients

        **Preventative actions**

        * Load-test a cold cache before each release *(owner: @arjun)*
        * Review TTLs of the hot keys
        """;

    public static IReadOnlyList<string> All { get; } = [BulletsWithFrontMatter, TableAndTaskList, NumberedUnderBoldLabels];
}

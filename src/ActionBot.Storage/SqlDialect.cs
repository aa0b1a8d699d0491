namespace ActionBot.Storage;

/// <summary>The few SQL fragments that differ between SQLite and PostgreSQL; everything else is shared text.</summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(
        ownerMatches: "EXISTS (SELECT 1 FROM json_each(action_items.owners) AS o WHERE lower(o.value) = lower(@Owner))",
        lockSkippingLocked: "");

    public static readonly SqlDialect Postgres = new(
        ownerMatches: "EXISTS (SELECT 1 FROM jsonb_array_elements_text(action_items.owners::jsonb) AS o(value) WHERE lower(o.value) = lower(@Owner))",
        lockSkippingLocked: " FOR UPDATE SKIP LOCKED");

    private SqlDialect(string ownerMatches, string lockSkippingLocked)
    {
        OwnerMatches = ownerMatches;
        LockSkippingLocked = lockSkippingLocked;
    }

    /// <summary>
    /// True when the JSON array in <c>action_items.owners</c> holds <c>@Owner</c>, ignoring case (lower() folds
    /// ASCII only, which is what GitHub logins are made of).
    /// </summary>
    public string OwnerMatches { get; }

    /// <summary>
    /// Appended to the SELECT that picks a row to claim: on PostgreSQL it locks the row and passes over rows other
    /// claimers hold; SQLite writes one at a time and needs nothing.
    /// </summary>
    public string LockSkippingLocked { get; }
}

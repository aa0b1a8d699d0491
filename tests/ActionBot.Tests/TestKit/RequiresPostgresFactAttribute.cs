using ActionBot.Testing;

namespace ActionBot.Tests.TestKit;

/// <summary>A fact that is skipped, with the reason in the test report, when no PostgreSQL server can start here.</summary>
public sealed class RequiresPostgresFactAttribute : FactAttribute
{
    public RequiresPostgresFactAttribute()
    {
        if (PostgresServer.NotAvailableReason is { } reason)
        {
            Skip = reason + "; .ci/run installs it.";
        }
    }
}

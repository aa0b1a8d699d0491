namespace ActionBot.Core.Tests.TestKit;

/// <summary>A fact that is reported as skipped, with the reason, when the reference postmortems are absent.</summary>
/// <remarks>xunit 2 has no dynamic skip; setting <see cref="FactAttribute.Skip"/> at construction is read at discovery.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedSeedsFactAttribute : FactAttribute
{
    public SharedSeedsFactAttribute()
    {
        if (SharedSeeds.Directory is null)
        {
            Skip = SharedSeeds.MissingReason;
        }
    }
}

/// <summary>A theory that is reported as one skipped test, with the reason, when the reference postmortems are absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedSeedsTheoryAttribute : TheoryAttribute
{
    public SharedSeedsTheoryAttribute()
    {
        if (SharedSeeds.Directory is null)
        {
            Skip = SharedSeeds.MissingReason;
        }
    }
}

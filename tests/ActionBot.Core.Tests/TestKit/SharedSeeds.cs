namespace ActionBot.Core.Tests.TestKit;

/// <summary>
/// Finds the reference postmortems kept beside the clone (<c>&lt;clone&gt;/../shared/seeds</c>), which are
/// not part of this repository: tests that need them skip visibly when they are missing.
/// </summary>
public static class SharedSeeds
{
    public const string MissingReason = "../shared/seeds not found: reference postmortems are not beside this clone";

    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The <c>shared/seeds</c> folder, or null when no ancestor of the test binaries holds one.</summary>
    public static string? Directory => Located.Value;

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (System.IO.Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        return null;
    }
}

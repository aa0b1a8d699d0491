namespace ActionBot.Core.Tests.TestKit;

/// <summary>
/// Finds the labelled corpus of real postmortems kept beside the clone (<c>&lt;clone&gt;/../shared/corpus</c>), which is
/// not part of this repository: tests that need it skip visibly when it is missing.
/// </summary>
public static class SharedCorpus
{
    public const string MissingReason = "../shared/corpus not found: the labelled postmortem corpus is not beside this clone";

    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The <c>shared/corpus</c> folder (with <c>postmortems/</c> and <c>labels/</c>), or null when no ancestor holds one.</summary>
    public static string? Directory => Located.Value;

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(Path.Combine(corpus, "postmortems")) && System.IO.Directory.Exists(Path.Combine(corpus, "labels")))
            {
                return corpus;
            }
        }

        return null;
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when the labelled corpus is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedCorpus.Directory is null)
        {
            Skip = SharedCorpus.MissingReason;
        }
    }
}

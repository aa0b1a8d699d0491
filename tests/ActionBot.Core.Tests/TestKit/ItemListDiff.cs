using System.Text.RegularExpressions;

namespace ActionBot.Core.Tests.TestKit;

/// <summary>Readable comparison of two item lists, each item already rendered as one canonical line.</summary>
public static partial class ItemListDiff
{
    /// <summary>Collapses every run of whitespace to one space and trims, so layout never decides a comparison.</summary>
    public static string Fold(string? text) => text is null ? "" : Whitespace().Replace(text, " ").Trim();

    /// <summary>Null when both lists are equal; else a listing that marks every differing position.</summary>
    public static string? Describe(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return null;
        }

        var report = new List<string>
        {
            $"items differ: expected {expected.Count}, actual {actual.Count} ('=' same, '-' expected, '+' actual)",
        };
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var want = i < expected.Count ? expected[i] : null;
            var got = i < actual.Count ? actual[i] : null;
            if (want is not null && string.Equals(want, got, StringComparison.Ordinal))
            {
                report.Add($"  = #{i + 1} {want}");
                continue;
            }

            report.Add($"  - #{i + 1} {want ?? "(none)"}");
            report.Add($"  + #{i + 1} {got ?? "(none)"}");
        }

        return string.Join(Environment.NewLine, report);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text;

namespace ActionBot.Benchmarks;

public enum PathologicalInput
{
    /// <summary>20,000 × scale "[": every one may open a link.</summary>
    OpenBrackets,
    /// <summary>"*a " × 2,000 × scale: emphasis openers that never close.</summary>
    UnmatchedEmphasis,
    /// <summary>"w **b** " × 1,000 × scale in one paragraph: flat, but many delimiter runs.</summary>
    ManyBoldSpans,
    /// <summary>"- " × 5,000 × scale on one line: a list nested 5,000 levels deep.</summary>
    NestedListMarkers,
    /// <summary>A pipe table of 10,000 × scale columns.</summary>
    WideTable,
    /// <summary>A table of 1,000 × scale columns right after an unclosed "**": the delimiter keeps every pipe open.</summary>
    OpenEmphasisTable,
    /// <summary>One line of 1 MB × scale of words, code spans and links.</summary>
    LongLine,
}

/// <summary>Builds the hostile inputs; the same kind and scale always give the same text.</summary>
public static class PathologicalInputs
{
    public static string Create(PathologicalInput kind, int scale) => kind switch
    {
        PathologicalInput.OpenBrackets => new string('[', 20_000 * scale),
        PathologicalInput.UnmatchedEmphasis => Repeat("*a ", 2_000 * scale),
        PathologicalInput.ManyBoldSpans => Repeat("w **b** ", 1_000 * scale),
        PathologicalInput.NestedListMarkers => Repeat("- ", 5_000 * scale) + "fix it",
        PathologicalInput.WideTable => WideTable(10_000 * scale),
        PathologicalInput.OpenEmphasisTable => "**fix" + WideTable(1_000 * scale),
        PathologicalInput.LongLine => LongLine(1_000_000 * scale),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string WideTable(int columns) =>
        $"\n| {Repeat("Owner | ", columns)}\n|{Repeat("---|", columns)}\n| {Repeat("@ops | ", columns)}\n";

    private static string LongLine(int length)
    {
        const string Unit = "rotate the `api-key` for [svc](https://example.com/x) by 2024-03-01 @ops ";
        return Repeat(Unit, (length / Unit.Length) + 1)[..length];
    }
}

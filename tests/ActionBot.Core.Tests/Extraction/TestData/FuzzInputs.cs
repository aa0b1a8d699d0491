using System.Text;

namespace ActionBot.Core.Tests.Extraction.TestData;

/// <summary>Deterministic generators of hostile Markdown: the same seed always gives the same input.</summary>
internal static class FuzzInputs
{
    private static readonly string LoneHighSurrogate = ((char)0xD800).ToString();
    private static readonly string LoneLowSurrogate = ((char)0xDC00).ToString();

    /// <summary>The pieces random documents are made of: block and inline syntax, line endings, odd characters.</summary>
    public static IReadOnlyList<string> Tokens { get; } =
    [
        "#", "## ", "## Action items\n", "### Follow-ups\n", "- ", "* ", "+ ", "1. ", "2) ", "|", " | ", "|---|", "|:--:|",
        "| Action | Owner | Due | Priority |\n", "[ ]", "[x]", "[X]", "**", "*", "_", "__", "~~", "`", "```", "~~~", "---", "***",
        "===", "> ", ">", "<ul><li>", "</li></ul>", "<!--", "-->", "<br>", "[", "]", "(", ")", "](https://t.example/1)", "![",
        "\\", "&amp;", "&#0;", "@alice", "@", "by 2024-03-01", "due 2024-02-30", "Owner:", "P1", "fix the pager", "word", " ",
        "  ", "    ", "\t", "\n", "\n", "\n\n", "\r\n", "\r", "😀", "👩‍💻", "\u00A0", "\u200B", "\uFEFF", "\0",
        LoneHighSurrogate, LoneLowSurrogate,
    ];

    /// <summary>Random tokens; one document in twenty also gets a large structure (deep list, wide table, long run).</summary>
    public static string TokenSoup(Random random)
    {
        var text = new StringBuilder();
        for (var count = random.Next(0, 300); count > 0; count--)
            text.Append(Tokens[random.Next(Tokens.Count)]);
        if (random.Next(20) == 0)
        {
            text.Insert(random.Next(text.Length + 1), random.Next(3) switch
            {
                0 => NestedList(random.Next(1, 201)),
                // Wide tables stay under 2,000 columns here: after an unclosed "**" Markdig's table parsing is
                // quadratic in columns (10,000 take ~10 s). The fixed edge shapes cover 10,000 columns.
                1 => Table(random.Next(1, 2_001)),
                _ => Repeat(Tokens[random.Next(Tokens.Count)], random.Next(1, 20_000)),
            });
        }
        return text.ToString();
    }

    /// <summary>A valid postmortem with byte flips, deletions, duplications, splices and token insertions.</summary>
    public static byte[] Mutate(Random random, IReadOnlyList<string> seeds)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Count)]));
        for (var mutations = random.Next(1, 9); mutations > 0; mutations--)
        {
            var at = random.Next(bytes.Count + 1);
            var length = Math.Min(random.Next(1, 64), bytes.Count - at);
            switch (random.Next(6))
            {
                case 0 when at < bytes.Count: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when at < bytes.Count: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, length); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, length)); break;
                case 4: bytes.InsertRange(at, Slice(random, Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Count)]))); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Count)])); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Random bytes, half of them biased toward ASCII text so some decode and reach the extractor.</summary>
    public static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4_096)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            for (var i = 0; i < bytes.Length; i++)
                bytes[i] = random.Next(50) == 0 ? bytes[i] : (byte)random.Next(9, 127);
        }
        return bytes;
    }

    public static string NestedList(int depth) =>
        string.Join('\n', Enumerable.Range(0, depth).Select(level => $"{new string(' ', 2 * level)}- [ ] level {level} @o{level}"));

    public static string Table(int columns) =>
        $"\n| Action |{Repeat(" Owner |", columns - 1)}\n|{Repeat("---|", columns)}\n| fix it |{Repeat(" @ops |", columns - 1)}\n";

    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static byte[] Slice(Random random, byte[] source)
    {
        var start = random.Next(source.Length);
        return source[start..Math.Min(source.Length, start + random.Next(1, 200))];
    }
}

namespace ActionBot.Core.Tests.Extraction.TestData;

/// <summary>Named inputs at the edges of what the extractor may meet, each run once as its own test case.</summary>
internal static class HostileDocuments
{
    private const string ActionItems = "## Action items\n\n";

    /// <summary>Odd but small shapes: each should be read (or refused) cleanly.</summary>
    public static IReadOnlyDictionary<string, Func<string>> EdgeShapes { get; } = new Dictionary<string, Func<string>>
    {
        ["empty"] = () => "",
        ["only whitespace"] = () => " \t\r\n\u00A0\n",
        ["list nested 200 levels"] = () => ActionItems + FuzzInputs.NestedList(200),
        ["table of 10,000 columns"] = () => ActionItems + FuzzInputs.Table(10_000),
        ["front matter never closed"] = () => "---\ntitle: open\n\n# Heading\n\n" + ActionItems + "- fix it @a by 2024-03-01\n",
        ["front matter marker alone"] = () => "---",
        ["front matter that is not YAML"] = () => "---\ntitle: [unclosed\n: : :\n\t- {\n---\n# T\n",
        ["line of 100,000 characters"] = () => ActionItems + "- " + FuzzInputs.Repeat("rotate keys ", 8_400),
        ["carriage returns only"] = () => FuzzSeedPostmortems.TableAndTaskList.Replace("\n", "\r", StringComparison.Ordinal),
        ["CRLF line endings"] = () => FuzzSeedPostmortems.BulletsWithFrontMatter.Replace("\n", "\r\n", StringComparison.Ordinal),
        ["NUL and lone surrogates in items"] = () => ActionItems + "- fix \0 the \uD800 pager @a\n- \uDC00\n- \0\n",
        ["emoji owners and an impossible date"] = () => ActionItems + "- 🔥 put out fires 👩‍🚒 @🦊 by 2024-02-30\n",
        ["HTML list"] = () => ActionItems + "<ul><li>fix it</li><li><b>**</b></li></ul>\n",
        ["items that are only markup"] = () => ActionItems + "- ****\n- **\n- * *\n- [ ]\n- [x]\n-\n- `` ``\n- [](x)\n",
        ["table rows that are only markup"] = () => ActionItems + "| Action | Owner |\n|---|---|\n| | |\n| ** | @x |\n| `|` | |\n",
        ["unclosed emphasis inside items"] = () => ActionItems + "- fix **the pager\n- 2 ** 10 retries\n- \\*\\*escaped\\*\\*\n",
    };

    /// <summary>Inputs that make naive parsers go quadratic or overflow the stack; a hang shows as a stuck test.</summary>
    public static IReadOnlyDictionary<string, Func<string>> Pathological { get; } = new Dictionary<string, Func<string>>
    {
        ["20,000 open brackets"] = () => new string('[', 20_000),
        ["20,000 asterisks"] = () => new string('*', 20_000) + "a",
        ["20,000 unmatched emphasis openers"] = () => FuzzInputs.Repeat("*a ", 20_000),
        ["10,000 bold spans in one paragraph"] = () => ActionItems + "- " + FuzzInputs.Repeat("w **b** ", 10_000),
        ["5,000 nested list markers"] = () => ActionItems + FuzzInputs.Repeat("- ", 5_000) + "fix it",
        ["5,000 nested block quotes"] = () => new string('>', 5_000) + " - fix it",
        ["2,000-column table after an unclosed **"] = () => ActionItems + "- **fix" + FuzzInputs.Table(2_000),
        ["1 MB single line"] = () => ActionItems + "- " + FuzzInputs.Repeat("rotate the `key` for [svc](https://s.example) @ops by 2024-03-01 ", 16_000),
        ["5 MB of postmortems"] = () => FuzzInputs.Repeat(FuzzSeedPostmortems.TableAndTaskList + "\n\n", 5_000_000 / 500),
    };
}

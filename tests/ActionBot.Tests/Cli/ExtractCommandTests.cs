using System.Text.Json;
using ActionBot.Cli;
using ActionBot.Core.Extraction;

namespace ActionBot.Tests.Cli;

// End to end through the real extractor: these assertions hold whatever items it finds.
public sealed class ExtractCommandTests
{
    private const string Postmortem = "# Cache stampede\n\n## Action items\n\n- Add jitter to cache expiry (@dana, P2)\n";

    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");

    [Fact]
    public async Task Json_HasTheDocumentedShape()
    {
        var run = await CliHarness.RunAsync("extract", "--format", "json", Samples);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(["postmortems"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var postmortems = json.RootElement.GetProperty("postmortems").EnumerateArray().ToList();
        Assert.Equal(3, postmortems.Count);
        foreach (var postmortem in postmortems)
        {
            Assert.Equal(["source", "title", "date", "items"], postmortem.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.String, postmortem.GetProperty("source").ValueKind);
            Assert.Equal(JsonValueKind.Array, postmortem.GetProperty("items").ValueKind);
            foreach (var item in postmortem.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(
                    ["id", "title", "details", "section", "owners", "due", "priority", "kind", "done", "line"],
                    item.EnumerateObject().Select(p => p.Name));
                Assert.Equal(JsonValueKind.Array, item.GetProperty("owners").ValueKind);
                Assert.Equal(JsonValueKind.Number, item.GetProperty("line").ValueKind);
            }
        }
    }

    [Fact]
    public async Task Json_KeepsNonAsciiReadable()
    {
        using var folder = new TempFolder();
        var path = folder.Write("café — outage.md", Postmortem);

        var run = await CliHarness.RunAsync("extract", "--format", "json", path);

        Assert.Contains("café — outage.md", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_NamesFilesByFolderAndRelativePath_SortedOrdinally()
    {
        using var folder = new TempFolder();
        folder.Write("b.md", Postmortem);
        folder.Write("a/z.md", Postmortem);
        folder.Write("A.md", Postmortem);
        folder.Write("notes.txt", "not a postmortem");
        var given = folder.Path.Replace('\\', '/');

        var run = await CliHarness.RunAsync("extract", "--format", "json", folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal([$"{given}/A.md", $"{given}/a/z.md", $"{given}/b.md"], Sources(run));
    }

    [Fact]
    public async Task File_IsNamedAsGiven()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pm.md", Postmortem);

        var run = await CliHarness.RunAsync("extract", "--format", "json", path);

        Assert.Equal([path], Sources(run));
    }

    [Fact]
    public async Task StandardInput_IsNamedDash()
    {
        var run = await CliHarness.RunWithInputAsync(Postmortem, "extract", "--format", "json", "-");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["-"], Sources(run));
    }

    [Fact]
    public async Task MissingFile_ExitsWithTwoAndNamesThePath()
    {
        var run = await CliHarness.RunAsync("extract", "no/such/postmortem.md");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Equal("actionbot: no/such/postmortem.md: no such file or directory\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    public async Task UnreadableFile_ExitsWithTwoAndNamesThePath(byte[] bytes)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bad.md", bytes);

        var run = await CliHarness.RunAsync("extract", "--format", "json", path);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.StartsWith($"actionbot: {path}: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task OversizedFile_ExitsWithTwo()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("huge.md", new byte[PostmortemText.MaxBytes + 1]);

        var run = await CliHarness.RunAsync("extract", path);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithoutMarkdown_ExitsWithTwoAndNamesTheFolder()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", Postmortem);

        var run = await CliHarness.RunAsync("extract", folder.Path);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.StartsWith($"actionbot: {folder.Path}: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task MixedPaths_PrintReadableOnesAndExitWithTwo()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.md", Postmortem);

        var run = await CliHarness.RunAsync("extract", "--format", "json", "missing.md", good);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Equal([good], Sources(run));
        Assert.Contains("actionbot: missing.md: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingStandardInput_ExitsWithOne()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(new BrokenStream(), output, error, CliConsole.DefaultWidth);

        var exitCode = await ActionBotCli.RunAsync(["extract", "-"], console);

        Assert.Equal(ExitCodes.RuntimeFailure, exitCode);
        Assert.Contains("pipe closed", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public async Task Samples_PrintEveryPostmortem(string format)
    {
        var run = await CliHarness.RunAsync("extract", "--format", format, Samples);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.All(run.OutLines, line => Assert.True(format != "table" || line.Length <= 80, line));
        Assert.Contains("2025-02-20-dns-resolver-exhaustion.md", run.Out, StringComparison.Ordinal);
    }

    private static string[] Sources(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("postmortems").EnumerateArray().Select(p => p.GetProperty("source").GetString()!)];
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override int Read(Span<byte> buffer) => throw new IOException("pipe closed");
    }
}

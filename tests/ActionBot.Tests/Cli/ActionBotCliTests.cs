using ActionBot.Cli;

namespace ActionBot.Tests.Cli;

public sealed class ActionBotCliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("extract", "--help")]
    public async Task Help_ShowsUsageWithRealExamples(params string[] args)
    {
        var run = await CliHarness.RunAsync(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Out, StringComparison.Ordinal);
        Assert.Contains(" extract src/ActionBot/Samples", run.Out, StringComparison.Ordinal);
        Assert.Contains(" extract --format json postmortems/2024-02-14-cache.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("cat pm.md | ", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task ExtractHelp_DescribesFormatsAndPaths()
    {
        var run = await CliHarness.RunAsync("extract", "--help");

        Assert.Contains("table|json|markdown", run.Out, StringComparison.Ordinal);
        Assert.Contains("<PATH>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoVerb_PrintsHelpAndExitsWithZero()
    {
        var run = await CliHarness.RunAsync();

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("extract", run.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_ExitsWithTwo()
    {
        var run = await CliHarness.RunAsync("frobnicate");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task UnknownFormat_ExitsWithTwo()
    {
        var run = await CliHarness.RunAsync("extract", "--format", "xml", "pm.md");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("--format 'xml'", run.Error, StringComparison.Ordinal);
        Assert.Contains("table, json, markdown", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task ExtractWithoutPaths_ExitsWithTwo()
    {
        var run = await CliHarness.RunAsync("extract");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("extract --help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}

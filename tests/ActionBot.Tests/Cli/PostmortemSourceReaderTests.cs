using System.Text;
using ActionBot.Cli;

namespace ActionBot.Tests.Cli;

public sealed class PostmortemSourceReaderTests
{
    private static readonly PostmortemSourceReader Reader = new(Stream.Null);

    [Fact]
    public void FolderWithTrailingSlash_NamesFilesWithOneSlash()
    {
        using var folder = new TempFolder();
        folder.Write("deep/er/pm.md", "# Outage\n");

        var source = Assert.Single(Reader.Read(folder.Path + "/"));

        Assert.Equal($"{folder.Path.Replace('\\', '/')}/deep/er/pm.md", source.Name);
        Assert.Equal("# Outage\n", source.Text);
    }

    [Fact]
    public void Dash_ReadsStandardInput()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("# From a pipe\n"));

        var source = Assert.Single(new PostmortemSourceReader(input).Read("-"));

        Assert.Equal(new PostmortemSource("-", "# From a pipe\n", null), source);
    }

    [Fact]
    public void MissingPath_IsReportedAsMissing()
    {
        var source = Assert.Single(Reader.Read("does/not/exist.md"));

        Assert.Equal(new PostmortemSource("does/not/exist.md", null, "no such file or directory"), source);
    }

    [Fact]
    public void FolderWithoutMarkdown_IsOneError()
    {
        using var folder = new TempFolder();
        folder.Write("README.txt", "nothing here");

        var source = Assert.Single(Reader.Read(folder.Path));

        Assert.Null(source.Text);
        Assert.Equal(folder.Path, source.Name);
        Assert.Contains("*.md", source.Error, StringComparison.Ordinal);
    }
}

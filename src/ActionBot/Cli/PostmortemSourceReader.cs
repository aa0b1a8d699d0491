using ActionBot.Core.Extraction;

namespace ActionBot.Cli;

/// <summary>One postmortem named on the command line: its text, or the reason it cannot be read.</summary>
/// <param name="Name">The path as given, or the folder joined with the file's relative path; "-" for standard input.</param>
public sealed record PostmortemSource(string Name, string? Text, string? Error);

/// <summary>Expands command-line paths (file, folder, "-") into decoded postmortems.</summary>
public sealed class PostmortemSourceReader(Stream standardInput)
{
    public const string StandardInputName = "-";

    // Hidden folders (.git, .github caches) are skipped: they hold no postmortems worth reporting.
    private static readonly EnumerationOptions MarkdownBelow = new() { RecurseSubdirectories = true };

    public IEnumerable<PostmortemSource> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardInputName)
        {
            return [Decode(StandardInputName, ReadCapped(standardInput))];
        }

        if (Directory.Exists(path))
        {
            return ReadFolder(path);
        }

        return [File.Exists(path) ? ReadFile(path, path) : Failed(path, "no such file or directory")];
    }

    private static IEnumerable<PostmortemSource> ReadFolder(string folder)
    {
        string[] relativePaths;
        try
        {
            relativePaths = [.. Directory.EnumerateFiles(folder, "*.md", MarkdownBelow)
                .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Failed(folder, Reason(e))];
        }

        if (relativePaths.Length == 0)
        {
            return [Failed(folder, "no *.md files in this folder")];
        }

        var prefix = folder.Replace('\\', '/').TrimEnd('/');
        return relativePaths.Select(relative => ReadFile(Path.Combine(folder, relative), $"{prefix}/{relative}"));
    }

    private static PostmortemSource ReadFile(string path, string name)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Decode(name, ReadCapped(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(name, Reason(e));
        }
    }

    private static PostmortemSource Decode(string name, byte[] bytes)
    {
        // We stop reading past the cap, so the refusal must be ours: the decoder would only see a prefix.
        if (bytes.Length > PostmortemText.MaxBytes)
        {
            return Failed(name, $"larger than {PostmortemText.MaxBytes / (1024 * 1024)} MB");
        }

        var decoded = PostmortemDecoder.Decode(bytes);
        return new PostmortemSource(name, decoded.Text, decoded.Error);
    }

    private static byte[] ReadCapped(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= PostmortemText.MaxBytes && (read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static PostmortemSource Failed(string name, string reason) => new(name, null, reason);

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}

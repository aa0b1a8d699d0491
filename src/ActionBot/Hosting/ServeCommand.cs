namespace ActionBot.Hosting;

/// <summary>Runs the bot: <c>actionbot</c>, <c>actionbot serve</c>, or any host option such as <c>--urls</c>.</summary>
public static class ServeCommand
{
    private static readonly HashSet<string> CliWords = new(StringComparer.Ordinal) { "extract", "--help", "-h", "-?", "help", "--version" };

    /// <summary>True when the arguments ask for the bot itself rather than a CLI verb.</summary>
    public static bool IsServe(string[] args) =>
        args.Length == 0 || (args[0] == "serve" && !args.Contains("--help")) || (args[0].StartsWith('-') && !CliWords.Contains(args[0]));

    public static string[] HostArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(HostArguments(args));
        builder.AddActionBot();
        var app = builder.Build();
        app.UseActionBot();
        await app.RunAsync();
        return 0;
    }
}

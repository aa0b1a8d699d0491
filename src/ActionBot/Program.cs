using ActionBot.Cli;
using ActionBot.Hosting;

// One executable: with no verb (or `serve`, or host options like --urls) it runs the bot; otherwise a CLI verb.
return ServeCommand.IsServe(args)
    ? await ServeCommand.RunAsync(args)
    : await ActionBotCli.RunAsync(args, CliConsole.FromSystemConsole());

/// <summary>Entry point type, visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;

using ActionBot.Cli;

return await ActionBotCli.RunAsync(args, CliConsole.FromSystemConsole());

namespace ActionBot.Cli;

/// <summary>The process exit codes promised in INTERFACES.md section 1.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int BadUsage = 2;
}

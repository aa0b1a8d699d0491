namespace ActionBot.Tests.TestKit;

/// <summary>A fact that is skipped, with the reason in the test report, when a program it drives is not installed.</summary>
/// <remarks>xunit 2 has no dynamic skip; setting <see cref="FactAttribute.Skip"/> at construction is read at discovery.</remarks>
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(string program, string installHint)
    {
        if (!File.Exists(program))
        {
            Skip = $"{program} is not installed ({installHint}); .ci/run installs it.";
        }
    }
}

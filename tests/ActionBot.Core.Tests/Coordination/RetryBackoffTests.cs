using ActionBot.Core.Coordination;

namespace ActionBot.Core.Tests.Coordination;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(9, 1800)]
    [InlineData(1000, 1800)]
    public void The_delay_doubles_per_attempt_up_to_the_ceiling(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Exponential(attempts, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30)));
    }
}

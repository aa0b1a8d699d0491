using ActionBot.GitHub.Api;

namespace ActionBot.GitHub.Tests.Api;

/// <summary>GitHub's pace for content-creating requests: 80 a minute, 500 an hour, and ours between two writes.</summary>
public sealed class GitHubWritePaceTests
{
    [Theory]
    [InlineData(0, 0, "00:00:00")]
    [InlineData(79, 0, "00:00:00")]
    [InlineData(80, 0, "00:01:00")]
    [InlineData(499, 0, "00:06:00")]
    [InlineData(500, 0, "01:00:00")]
    [InlineData(899, 0, "01:04:00")]
    [InlineData(79, 1, "00:01:19")]
    [InlineData(499, 1, "00:08:19")]
    [InlineData(500, 1, "01:00:00")]
    public void A_write_goes_no_earlier_than_both_limits_and_the_interval_allow(int index, int intervalSeconds, string expected)
    {
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), GitHubWritePace.EarliestStart(index, TimeSpan.FromSeconds(intervalSeconds)));
    }

    [Fact]
    public void The_time_left_counts_from_the_writes_done_and_the_time_spent()
    {
        var interval = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.Zero, GitHubWritePace.TimeLeft(10, 0, TimeSpan.FromMinutes(1), interval));
        Assert.Equal(new TimeSpan(1, 4, 0), GitHubWritePace.TimeLeft(0, 900, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMinutes(54), GitHubWritePace.TimeLeft(450, 450, TimeSpan.FromMinutes(10), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(99), GitHubWritePace.TimeLeft(0, 100, TimeSpan.FromMinutes(30), interval));
    }
}

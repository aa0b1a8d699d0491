using ActionBot.Core.Tracking;

namespace ActionBot.Storage.Tests;

/// <summary>The text forms of values in storage: the fast readers agree with the writers and with the general parsers.</summary>
public sealed class SqlValuesTests
{
    public static TheoryData<DateTimeOffset> Instants => new()
    {
        new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
        new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.FromHours(2)).AddTicks(1),
        DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void A_written_timestamp_reads_back_to_the_tick(DateTimeOffset instant) =>
        Assert.Equal(instant, SqlValues.ParseTimestamp(SqlValues.Timestamp(instant)));

    [Theory]
    [InlineData("2025-02-30T09:00:00.0000000Z")]
    [InlineData("2025-13-01T09:00:00.0000000Z")]
    [InlineData("2025-03-03T24:00:00.0000000Z")]
    [InlineData("2025-03-03 09:00:00.0000000Z")]
    [InlineData("2025-03-03T09:00:00Z")]
    public void Text_that_is_not_a_timestamp_is_refused(string text) =>
        Assert.Throws<FormatException>(() => SqlValues.ParseTimestamp(text));

    [Theory]
    [InlineData()]
    [InlineData("alice")]
    [InlineData("alice", "Bob-2")]
    [InlineData("Tomasz Wójcik", "<b>", "a\"b", "back\\slash", "x\",\"y")]
    public void Owners_read_back_as_written_whatever_they_hold(params string[] owners) =>
        Assert.Equal(owners, SqlValues.ParseOwners(SqlValues.Owners(owners)));

    [Fact]
    public void States_read_back_and_unknown_ones_are_an_error()
    {
        Assert.Equal(ItemState.Closed, SqlValues.ParseState(SqlValues.State(ItemState.Closed)));
        Assert.Throws<InvalidOperationException>(() => SqlValues.ParseState("stale"));
    }
}

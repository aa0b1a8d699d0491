using ActionBot.Core.Ports;
using ActionBot.Hosting;

namespace ActionBot.Tests.Hosting;

/// <summary>The API's opaque cursor: a position round-trips; anything else is refused, never misread.</summary>
public sealed class ItemCursorTests
{
    [Fact]
    public void A_position_round_trips_to_the_tick_as_url_safe_text()
    {
        var position = new ItemPosition(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567), "3f2a9c0d11e4b7a6c5d8e9f0");

        var cursor = ItemCursor.Encode(position);

        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        Assert.Equal(position, ItemCursor.Decode(cursor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("djEKbm90LWEtZGF0ZQprZXk")]
    [InlineData("djIKMjAyNS0wMy0wM1QwOTowMDowMC4wMDAwMDAwWgprZXk")]
    [InlineData("djEKMjAyNS0wMy0wM1QwOTowMDowMC4wMDAwMDAwWgo")]
    [InlineData("////")]
    public void Anything_but_a_cursor_it_wrote_is_refused(string cursor) => Assert.Null(ItemCursor.Decode(cursor));
}

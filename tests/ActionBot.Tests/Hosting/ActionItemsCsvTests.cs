using ActionBot.Hosting;

namespace ActionBot.Tests.Hosting;

/// <summary>One CSV cell: RFC 4180 quoting, and text a spreadsheet would run as a formula made inert.</summary>
public sealed class ActionItemsCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+31 6 1234", "\"'+31 6 1234\"")]
    [InlineData("-rf", "\"'-rf\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("2025-03-14", "2025-03-14")]
    public void A_cell_is_quoted_when_it_must_be_and_never_a_formula(string? value, string cell) =>
        Assert.Equal(cell, ActionItemsCsv.Cell(value));

    [Fact]
    public void A_row_has_every_header_field_in_order_and_ends_with_crlf()
    {
        var item = new ActionItemResponse(
            "k1", "acme/ops", "p.md", "Fix, then =verify", null, "Action items", ["ana", "bo"], new DateOnly(2025, 3, 14), "P1", "corrective",
            "closed", "acme/ops", 7, "https://github.com/acme/ops/issues/7", false,
            new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 10, 17, 30, 0, TimeSpan.FromHours(1)));

        var row = ActionItemsCsv.Row(item);

        Assert.Equal(
            "k1,acme/ops,p.md,\"Fix, then =verify\",,Action items,ana; bo,2025-03-14,P1,corrective,closed,acme/ops,7,https://github.com/acme/ops/issues/7,false,2025-03-01T09:00:00Z,2025-03-10T16:30:00Z\r\n",
            row);
        Assert.Equal(ActionItemsCsv.Header.Split(',').Length, Rfc4180.Parse(row).Single().Count);
    }
}

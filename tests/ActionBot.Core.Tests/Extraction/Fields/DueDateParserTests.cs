using ActionBot.Core.Extraction.Fields;

namespace ActionBot.Core.Tests.Extraction.Fields;

public sealed class DueDateParserTests
{
    [Theory]
    [InlineData("Add alerts — due 2024-03-03", "2024-03-03")]
    [InlineData("Rotate keys by March 3, 2024", "2024-03-03")]
    [InlineData("Rotate keys by Sept. 5 2024", "2024-09-05")]
    [InlineData("Deadline: 3rd of March, 2024", "2024-03-03")]
    [InlineData("due: 21st Dec 2025 (owner @a)", "2025-12-21")]
    [InlineData("Target date 2024/7/9", "2024-07-09")]
    [InlineData("ETA 2024.12.31, then review", "2024-12-31")]
    [InlineData("by 2024-02-30 or else by 2024-03-01", "2024-03-01")] // the first real date
    [InlineData("no later than February 29, 2023", null)] // no such day
    [InlineData("Written 2024-01-05; do it by 2024-02-01", "2024-02-01")] // a date not announced as due
    [InlineData("Due-2024-03-03", "2024-03-03")]
    [InlineData("by 3/4/2024", null)] // ambiguous
    [InlineData("Review the 2024 budget by next week", null)]
    public void Reads_the_due_date_an_entry_announces(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DueDateParser.ParseDue(text));
    }

    [Theory]
    [InlineData("Incident of 2024-11-05", "2024-11-05")]
    [InlineData("Postmortem: November 5th, 2024", "2024-11-05")]
    [InlineData("5 Nov. 2024", "2024-11-05")]
    [InlineData("Q3 2024 review", null)]
    [InlineData("build 20240-1-1", null)]
    [InlineData("1999-13-01 then 2001-01-01", "2001-01-01")]
    public void Reads_a_date_anywhere(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DueDateParser.ParseAny(text));
    }
}

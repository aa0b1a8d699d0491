using System.Globalization;

namespace ActionBot.Hosting;

/// <summary>
/// <c>GET /api/action-items.csv</c> as text: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote or line
/// break, quotes doubled), one row per item with the JSON answer's fields. Titles and owners come from postmortems that
/// anyone may write, so a cell a spreadsheet would read as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR
/// first) is written as text: prefixed with <c>'</c> and quoted (OWASP's advice on CSV injection).
/// </summary>
public static class ActionItemsCsv
{
    public static readonly string Header = Row(
        ["key", "repository", "path", "title", "details", "section", "owners", "due", "priority", "kind", "state",
         "issue_repository", "issue_number", "issue_url", "removed", "created_at", "closed_at"]);

    public static string Row(ActionItemResponse item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Row(
            [item.Key, item.Repository, item.Path, item.Title, item.Details, item.Section, string.Join("; ", item.Owners),
             Date(item.Due), item.Priority, item.Kind, item.State, item.IssueRepository,
             item.IssueNumber?.ToString(CultureInfo.InvariantCulture), item.IssueUrl, item.Removed ? "true" : "false",
             Time(item.CreatedAt), Time(item.ClosedAt)]);
    }

    /// <summary>One field, quoted when it must be, and never a formula.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (formula)
        {
            value = "'" + value;
        }

        return formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Cell)) + "\r\n";

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using ActionBot.Core.Extraction.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>Reads the rows of an action-item table, mapping columns by their header.</summary>
internal static class TableEntryReader
{
    private static readonly string[] DoneValues = ["done", "complete", "completed", "closed", "fixed", "resolved", "shipped", "yes", "y", "[x]", "x", "✅", "✔", "✔️", "☑", "☑️"];

    /// <summary>
    /// Reads the rows of a table in a section of tasks, or of a table headed like an action list ("Action item",
    /// "Owner", "Status"...) wherever it stands, except inside a timeline.
    /// </summary>
    public static int Read(Table table, SectionContext section, int scope, List<EntryDraft> drafts, List<ExtractionWarning> warnings)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        if (header is null || !(section.HoldsTasks || (!section.InTimeline && TableColumns.LookLikeActionItems(Cells(header)))))
        {
            return 0;
        }

        var roles = TableColumns.Map(Cells(header));
        var count = 0;
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            if (ReadRow(row, roles, section, warnings) is { } draft)
            {
                // Outside a section of tasks the table is read for its header; its rows are still judged by their phrasing
                // ("Disabled the contractor account | Done" under "What we did" is a report, not a task).
                drafts.Add(draft with { Scope = scope, Structured = section.HoldsTasks });
                count++;
            }
        }

        return count;
    }

    private static EntryDraft? ReadRow(TableRow row, ColumnRole[] roles, SectionContext section, List<ExtractionWarning> warnings)
    {
        var read = ReadCells(row);
        string Cell(ColumnRole role) => CellText(read, roles, role);
        var text = TextFolding.Fold($"{Cell(ColumnRole.Task)} {Cell(ColumnRole.Description)}");
        if (text.Length == 0 || text.All(c => c is '-' or ':' or ' '))
        {
            return null;
        }

        var due = Cell(ColumnRole.Due);
        var line = row.Line + 1;
        if (due.Length > 0 && DueDateParser.ParseAny(due) is null)
        {
            warnings.Add(new ExtractionWarning(line, $"due date \"{due}\" left unread: write it as 2024-03-04 or March 4, 2024"));
        }

        var status = Cell(ColumnRole.Status).ToLowerInvariant();
        // Without a status column, templates mark progress beside the ticket: "Bug 5554825 **DONE**".
        var done = status.Length > 0 ? DoneValues.Contains(status) : HasDoneWord(Cell(ColumnRole.Ticket)) || HasDoneWord(Cell(ColumnRole.Other));
        return new EntryDraft(text, line, section)
        {
            Structured = true,
            Origin = EntryOrigin.Table,
            LeadIn = Cell(ColumnRole.Task) is { Length: > 0 } task && Cell(ColumnRole.Description).Length > 0 ? TextFolding.Fold(task) : null,
            Owners = OwnerParser.ParseList(Cell(ColumnRole.Owner)),
            Due = DueDateParser.ParseAny(due),
            Priority = PriorityParser.ParseValue(Cell(ColumnRole.Priority)),
            Kind = KindParser.ParseValue(Cell(ColumnRole.Kind)),
            Done = done,
            Ticket = TicketOf(read, roles) ?? NullIfEmpty(Cell(ColumnRole.Ticket)),
        };
    }

    // The text of the columns in a role, joined: most roles have one column, so most calls copy nothing.
    private static string CellText(List<PlainParagraph> cells, ColumnRole[] roles, ColumnRole role)
    {
        string? single = null;
        System.Text.StringBuilder? joined = null;
        for (var i = 0; i < roles.Length && i < cells.Count; i++)
        {
            if (roles[i] != role || cells[i].Text.Length == 0)
            {
                continue;
            }

            if (single is null)
            {
                single = cells[i].Text;
            }
            else
            {
                (joined ??= new System.Text.StringBuilder(single)).Append(' ').Append(cells[i].Text);
            }
        }

        return joined?.ToString() ?? single ?? string.Empty;
    }

    private static bool HasDoneWord(string cell) =>
        cell.Length > 0 && cell.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Any(word => DoneValues.Contains(word.ToLowerInvariant()) && word.Length > 1);

    private static readonly char[] WordSeparators = [' ', ',', ';', '(', ')', '[', ']'];

    private static List<string> Cells(TableRow row) => ReadCells(row).ConvertAll(cell => cell.Text);

    private static List<PlainParagraph> ReadCells(TableRow row)
    {
        var cells = new List<PlainParagraph>(row.Count);
        foreach (var block in row)
        {
            // A pipe-table cell holds one paragraph; an empty cell holds none.
            var paragraph = block is TableCell { Count: > 0 } cell ? cell[0] as ParagraphBlock : null;
            cells.Add(paragraph is null ? PlainParagraph.Empty : InlineText.Read(paragraph));
        }

        return cells;
    }

    // A link in the ticket column is the ticket; its text may only say "JIRA-12".
    private static string? TicketOf(List<PlainParagraph> cells, ColumnRole[] roles)
    {
        for (var i = 0; i < cells.Count && i < roles.Length; i++)
        {
            if (roles[i] == ColumnRole.Ticket && cells[i].FirstLinkUrl is { Length: > 0 } url)
            {
                return url;
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

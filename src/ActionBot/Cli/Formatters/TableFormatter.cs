using System.Globalization;
using System.Text;
using ActionBot.Core.Extraction;

namespace ActionBot.Cli.Formatters;

/// <summary>
/// Writes aligned columns for people at a terminal; no line is wider than <c>width</c>. A long title
/// wraps onto continuation lines rather than being cut: the task is the one thing worth reading whole.
/// </summary>
public sealed class TableFormatter(int width) : IExtractFormatter
{
    private const string Gap = "  ";
    private const string Missing = "-";
    private const int MaxOwnersWidth = 16;
    private const int MaxPriorityWidth = 8;
    private const int MinHeaderTitleWidth = 24;

    private static readonly string[] Headers = ["#", "", "Action item", "Owners", "Due", "Pri"];
    private const int TitleColumn = 2;

    public void Write(IReadOnlyList<ExtractedPostmortem> postmortems, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(postmortems);
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < postmortems.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            output.WriteLine(Header(postmortems[i]));
            WriteItems(postmortems[i].Result.Items, output);
        }
    }

    private string Header(ExtractedPostmortem postmortem)
    {
        var (title, date) = (postmortem.Result.Title, postmortem.Result.Date);
        var dateText = date is null ? "" : $" ({date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        if (string.IsNullOrWhiteSpace(title))
        {
            return TextFit.TruncateStart(postmortem.Source, width - dateText.Length) + dateText;
        }

        const string separator = " — ";
        title = TextFit.Clean(title);
        var source = TextFit.TruncateStart(
            postmortem.Source, width - dateText.Length - separator.Length - Math.Min(title.Length, MinHeaderTitleWidth));
        return source + separator + TextFit.Truncate(title, width - source.Length - separator.Length - dateText.Length) + dateText;
    }

    private void WriteItems(IReadOnlyList<ActionItem> items, TextWriter output)
    {
        if (items.Count == 0)
        {
            output.WriteLine("  (no action items found)");
            return;
        }

        var rows = items.Select((item, index) => Row(item, index + 1)).Prepend(Headers).ToList();
        var widths = ColumnWidths(rows);
        foreach (var row in rows)
        {
            var titleLines = TextFit.Wrap(row[TitleColumn], widths[TitleColumn]);
            for (var lineIndex = 0; lineIndex < titleLines.Count; lineIndex++)
            {
                var cells = lineIndex == 0 ? row : new string[row.Length];
                var line = new StringBuilder();
                for (var column = 0; column < row.Length; column++)
                {
                    var cell = column == TitleColumn ? titleLines[lineIndex] : TextFit.Truncate(cells[column] ?? "", widths[column]);
                    line.Append(column == 0 ? cell.PadLeft(widths[column]) : Gap + cell.PadRight(widths[column]));
                }

                output.WriteLine(line.ToString().TrimEnd());
            }
        }
    }

    private int[] ColumnWidths(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, Headers.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        widths[3] = Math.Min(widths[3], MaxOwnersWidth);
        widths[5] = Math.Min(widths[5], MaxPriorityWidth);

        // The title takes what the short columns leave (it is the one worth reading), and no more.
        var longestTitle = widths[TitleColumn];
        widths[TitleColumn] = 0;
        widths[TitleColumn] = Math.Clamp(width - widths.Sum() - (Gap.Length * (widths.Length - 1)), 1, longestTitle);
        return widths;
    }

    private static string[] Row(ActionItem item, int number) =>
    [
        number.ToString(CultureInfo.InvariantCulture),
        item.Done ? "[x]" : "[ ]",
        // A title the extractor cut at its length limit says so: the sentence goes on in the details.
        TextFit.Clean(item.Title) + (item.TitleCut ? "…" : ""),
        Owners(item.Owners),
        item.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Missing,
        string.IsNullOrWhiteSpace(item.Priority) ? Missing : TextFit.Clean(item.Priority),
    ];

    // "alice, bob +3" says more than "alice, bob, ch…": the count of the hidden owners survives.
    private static string Owners(IReadOnlyList<string> owners)
    {
        var cleaned = owners.Select(TextFit.Clean).ToList();
        for (var shown = cleaned.Count; shown > 1; shown--)
        {
            var text = string.Join(", ", cleaned.Take(shown)) + (shown < cleaned.Count ? $" +{cleaned.Count - shown}" : "");
            if (text.Length <= MaxOwnersWidth)
            {
                return text;
            }
        }

        return cleaned.Count switch
        {
            0 => Missing,
            1 => cleaned[0],
            _ => $"{cleaned[0]} +{cleaned.Count - 1}",
        };
    }
}

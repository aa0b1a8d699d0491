using System.Globalization;
using ActionBot.Core.Extraction;
using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Tracking;

namespace ActionBot.Cli.Formatters;

/// <summary>Writes a task-list checklist ready to paste into a GitHub issue or pull request.</summary>
public sealed class MarkdownFormatter : IExtractFormatter
{
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

            WritePostmortem(postmortems[i], output);
        }
    }

    private static void WritePostmortem(ExtractedPostmortem postmortem, TextWriter output)
    {
        var (title, date) = (postmortem.Result.Title, postmortem.Result.Date);
        var hasTitle = !string.IsNullOrWhiteSpace(title);
        output.WriteLine($"### {(hasTitle ? TextFit.Clean(title!) : postmortem.Source)}");
        output.WriteLine();
        if (hasTitle || date is not null)
        {
            output.WriteLine(date is null ? $"Source: `{postmortem.Source}`" : $"Source: `{postmortem.Source}` ({Iso(date.Value)})");
            output.WriteLine();
        }

        if (postmortem.Result.Items.Count == 0)
        {
            output.WriteLine("_(no action items found)_");
            return;
        }

        foreach (var item in postmortem.Result.Items)
        {
            output.WriteLine(Line(item));
        }
    }

    private static string Line(ActionItem item)
    {
        var title = TextFit.Clean(item.Title);
        var details = Details(item);
        var text = details is null ? title : title + DetailsSeparator(item, details) + details;
        var facts = new List<string>();
        if (item.Owners.Count > 0)
        {
            facts.Add("owners: " + string.Join(", ", item.Owners.Select(Mention)));
        }

        if (item.Due is { } due)
        {
            facts.Add("due: " + Iso(due));
        }

        if (!string.IsNullOrWhiteSpace(item.Priority))
        {
            facts.Add(item.Priority);
        }

        var suffix = facts.Count == 0 ? "" : $" ({string.Join(", ", facts)})";
        return $"- [{(item.Done ? 'x' : ' ')}] {text}{suffix}";
    }

    // Only login-shaped owners become @mentions; "Dana (SRE)" or "Core-1 team" must not ping an unrelated account.
    private static string Mention(string owner)
    {
        var name = TextFit.Clean(owner).TrimStart('@');
        return GitHubLogin.IsValid(name) ? "@" + name : name;
    }

    // The owners and due date are written once, after the task: a tail of field notes ("— @alice, by March 3, 2025",
    // "(Due: Feb 28, 2025)") leaves the details.
    private static string? Details(ActionItem item)
    {
        if (item.Details is null)
        {
            return null;
        }

        var details = TextFit.Clean(item.Details);
        if (FieldNotes.IsOnlyNotes(details))
        {
            return null;
        }

        var notes = FieldNotes.TailStart(details);
        return notes is { } start ? details[..start].TrimEnd() : details;
    }

    // The title is a verbatim prefix of the entry: when it was cut mid-sentence ("per region,"), or the details open
    // with their own dash, another dash would read badly.
    private static string DetailsSeparator(ActionItem item, string details)
    {
        var title = item.Title;
        var endsClean = title.Length > 0 && (char.IsLetterOrDigit(title[^1]) || title[^1] is ')' or '`' or '"');
        return item.TitleCut || !endsClean || details[0] is '—' or '–' or '-' ? " " : " — ";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

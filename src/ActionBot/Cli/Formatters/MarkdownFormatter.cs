using System.Globalization;
using System.Text.RegularExpressions;
using ActionBot.Core.Extraction;

namespace ActionBot.Cli.Formatters;

/// <summary>Writes a task-list checklist ready to paste into a GitHub issue or pull request.</summary>
public sealed partial class MarkdownFormatter : IExtractFormatter
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
        var text = item.Details is null ? title : title + DetailsSeparator(title) + TextFit.Clean(item.Details);
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

    // Only login-shaped owners become @mentions; "Dana (SRE)" must not ping an unrelated account.
    private static string Mention(string owner) =>
        owner.StartsWith('@') || !GitHubLogin().IsMatch(owner) ? TextFit.Clean(owner) : "@" + owner;

    // The title is a verbatim prefix of the entry: when it was cut mid-sentence ("per region,"), a dash would read badly.
    private static string DetailsSeparator(string title) =>
        title.Length > 0 && (char.IsLetterOrDigit(title[^1]) || title[^1] is ')' or '`' or '"') ? " — " : " ";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")]
    private static partial Regex GitHubLogin();
}

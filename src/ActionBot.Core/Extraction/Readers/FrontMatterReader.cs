using ActionBot.Core.Extraction.Fields;
using ActionBot.Core.Extraction.Sections;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActionBot.Core.Extraction.Readers;

/// <summary>What YAML front matter says: the postmortem's title and date, and its <c>action_items:</c>.</summary>
internal sealed record FrontMatter(string? Title, DateOnly? Date);

internal static class FrontMatterReader
{
    public const string SectionName = "Action items";

    private static readonly string[] ItemKeys = ["action_items", "action-items", "actionitems", "actions", "tasks", "follow_ups", "follow-ups", "followups", "todo", "todos"];
    private static readonly string[] TextKeys = ["title", "task", "action", "description", "text", "summary", "item", "name"];
    private static readonly string[] OwnerKeys = ["owner", "owners", "assignee", "assignees", "who"];
    private static readonly string[] DueKeys = ["due", "due_date", "deadline", "eta", "by"];

    /// <param name="yaml">The front matter without its <c>---</c> fences.</param>
    /// <param name="firstLine">1-based line of the first YAML line in the document.</param>
    public static FrontMatter Read(string yaml, int firstLine, List<EntryDraft> drafts, List<ExtractionWarning> warnings)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            warnings.Add(new ExtractionWarning(firstLine + (int)e.Start.Line - 1, $"front matter is not valid YAML and was skipped: {e.Message}"));
            return new FrontMatter(null, null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new FrontMatter(null, null);
        }

        var section = new SectionContext(SectionName, SectionRole.Tasks, null);
        if (Find(root, ItemKeys) is YamlSequenceNode items)
        {
            foreach (var item in items)
            {
                if (ReadItem(item, section, firstLine + (int)item.Start.Line - 1) is { } draft)
                {
                    drafts.Add(draft);
                }
            }
        }

        return new FrontMatter(Scalar(Find(root, ["title"])), DueDateParser.ParseAny(Scalar(Find(root, ["date"]))));
    }

    private static EntryDraft? ReadItem(YamlNode node, SectionContext section, int line)
    {
        if (node is YamlScalarNode { Value.Length: > 0 } scalar)
        {
            return new EntryDraft(scalar.Value, line, section) { Structured = true, Origin = EntryOrigin.FrontMatter };
        }

        if (node is not YamlMappingNode map || Scalar(Find(map, TextKeys)) is not { Length: > 0 } text)
        {
            return null;
        }

        var details = Scalar(Find(map, ["details", "notes"]));
        var status = Scalar(Find(map, ["status", "done", "completed"]))?.ToLowerInvariant();
        return new EntryDraft(details is null ? text : $"{text} {details}", line, section)
        {
            Structured = true,
            Origin = EntryOrigin.FrontMatter,
            LeadIn = details is null ? null : text,
            Owners = Find(map, OwnerKeys) is YamlSequenceNode owners
                ? owners.OfType<YamlScalarNode>().SelectMany(o => OwnerParser.ParseList(o.Value)).ToList()
                : OwnerParser.ParseList(Scalar(Find(map, OwnerKeys))),
            Due = DueDateParser.ParseAny(Scalar(Find(map, DueKeys))),
            Priority = PriorityParser.ParseValue(Scalar(Find(map, ["priority", "prio"]))),
            Kind = KindParser.ParseValue(Scalar(Find(map, ["kind", "type"]))),
            Done = status is "true" or "yes" or "done" or "closed" or "completed",
            Ticket = Scalar(Find(map, ["ticket", "issue", "link", "url"])),
        };
    }

    private static YamlNode? Find(YamlMappingNode map, string[] keys)
    {
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && keys.Contains(name.Trim().ToLowerInvariant()))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : null;
}

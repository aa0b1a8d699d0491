using Markdig;

namespace ActionBot.Core.Extraction;

/// <summary>Finds the corrective and preventative tasks of a postmortem written in Markdown.</summary>
public sealed class ActionItemExtractor
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UseTaskLists().Build();

    public ExtractionResult Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        _ = Markdown.Parse(markdown, _pipeline); // placeholder: the real walk lands next
        return new ExtractionResult(null, null, [], []);
    }
}

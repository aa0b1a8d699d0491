using System.Text.Encodings.Web;
using System.Text.Json;
using ActionBot.Core.Extraction;

namespace ActionBot.Cli.Formatters;

/// <summary>Writes the <c>extract --format json</c> document (shape fixed by <see cref="ExtractJsonContext"/>).</summary>
public sealed class JsonFormatter : IExtractFormatter
{
    // The output goes to terminals and files, never into HTML, so "—" and "é" stay readable.
    private static readonly ExtractJsonContext Context = new(
        new JsonSerializerOptions(ExtractJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Write(IReadOnlyList<ExtractedPostmortem> postmortems, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(postmortems);
        ArgumentNullException.ThrowIfNull(output);
        var document = new ExtractDocumentDto([.. postmortems.Select(ToDto)]);
        output.WriteLine(JsonSerializer.Serialize(document, Context.ExtractDocumentDto));
    }

    private static PostmortemDto ToDto(ExtractedPostmortem postmortem) => new(
        postmortem.Source,
        postmortem.Result.Title,
        postmortem.Result.Date,
        [.. postmortem.Result.Items.Select(ToDto)]);

    private static ActionItemDto ToDto(ActionItem item) => new(
        item.Id,
        item.Title,
        item.Details,
        item.Section,
        item.Owners,
        item.Due,
        item.Priority,
        item.Kind switch
        {
            ActionItemKind.Corrective => "corrective",
            ActionItemKind.Preventative => "preventative",
            _ => null,
        },
        item.Done,
        item.Line);
}

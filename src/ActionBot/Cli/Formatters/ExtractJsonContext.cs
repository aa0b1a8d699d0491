using System.Text.Json.Serialization;

namespace ActionBot.Cli.Formatters;

// The wire shape of `extract --format json` (INTERFACES.md section 1). These records exist only for it,
// so a change to the Core types cannot change the output by accident.

internal sealed record ExtractDocumentDto(IReadOnlyList<PostmortemDto> Postmortems);

internal sealed record PostmortemDto(string Source, string? Title, DateOnly? Date, IReadOnlyList<ActionItemDto> Items);

internal sealed record ActionItemDto(
    string Id,
    string Title,
    string? Details,
    string Section,
    IReadOnlyList<string> Owners,
    DateOnly? Due,
    string? Priority,
    string? Kind,
    bool Done,
    int Line);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExtractDocumentDto))]
internal sealed partial class ExtractJsonContext : JsonSerializerContext;

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;

namespace ActionBot.Storage;

/// <summary>
/// How values are written to and read from the text columns, the same for every provider: timestamps as
/// fixed-width ISO-8601 UTC (text order is time order), dates as yyyy-MM-dd, enums as lower-case words.
/// </summary>
internal static class SqlValues
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? value) => value is { } v ? Timestamp(v) : null;

    public static DateTimeOffset ParseTimestamp(string value) =>
        new(DateTime.ParseExact(value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

    public static DateTimeOffset? ParseTimestampOrNull(string? value) => value is null ? null : ParseTimestamp(value);

    public static string? Date(DateOnly? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    public static string State(ItemState state) => state == ItemState.Closed ? "closed" : "open";

    public static ItemState ParseState(string value) => value switch
    {
        "open" => ItemState.Open,
        "closed" => ItemState.Closed,
        _ => throw new InvalidOperationException($"Unknown item state '{value}' in storage."),
    };

    public static string? Kind(ActionItemKind? kind) => kind switch
    {
        null => null,
        ActionItemKind.Corrective => "corrective",
        ActionItemKind.Preventative => "preventative",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ActionItemKind? ParseKind(string? value) => value switch
    {
        null => null,
        "corrective" => ActionItemKind.Corrective,
        "preventative" => ActionItemKind.Preventative,
        _ => throw new InvalidOperationException($"Unknown item kind '{value}' in storage."),
    };

    public static string Owners(IReadOnlyList<string> owners) => StringList(owners);

    /// <summary>Strings as a JSON array (owners, the item keys of a promised effect).</summary>
    public static string StringList(IReadOnlyList<string> values) => JsonSerializer.Serialize([.. values], StorageJsonContext.Default.StringArray);

    /// <summary>A body as the array the driver binds; usually the whole array already, only a slice of a larger buffer is copied.</summary>
    public static byte[] Blob(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : body.ToArray();

    public static IReadOnlyList<string> ParseOwners(string value) => ParseStringList(value);

    public static IReadOnlyList<string> ParseStringList(string value) => JsonSerializer.Deserialize(value, StorageJsonContext.Default.StringArray) ?? [];
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

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

    /// <summary>
    /// Reads a timestamp this class wrote. Pages and sweeps read tens of thousands a query, so the fixed-width form is
    /// read digit by digit (about ten times faster than a format string); anything else goes through the exact parser.
    /// </summary>
    public static DateTimeOffset ParseTimestamp(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParseFixedWidth(value, out var parsed)
            ? parsed
            : new(DateTime.ParseExact(value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

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

    /// <summary>The owners array; the common shapes (none, or plain logins) without the JSON reader, which stays for the rest.</summary>
    public static IReadOnlyList<string> ParseOwners(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == "[]")
        {
            return [];
        }

        // ["a","b"] with no escapes: split between the quotes.
        if (value.Length > 4 && value.StartsWith("[\"", StringComparison.Ordinal) && value.EndsWith("\"]", StringComparison.Ordinal) && !value.Contains('\\'))
        {
            var parts = value[2..^2].Split("\",\"");
            if (!parts.Any(p => p.Contains('"')))
            {
                return parts;
            }
        }

        return ParseStringList(value);
    }

    /// <summary>A JSON array of strings (owners, the item keys of a promised effect).</summary>
    public static IReadOnlyList<string> ParseStringList(string value) => JsonSerializer.Deserialize(value, StorageJsonContext.Default.StringArray) ?? [];

    // yyyy-MM-ddTHH:mm:ss.fffffffZ, every digit where Timestamp puts it.
    private static bool TryParseFixedWidth(string value, out DateTimeOffset parsed)
    {
        parsed = default;
        if (value.Length != 28 || value[4] != '-' || value[7] != '-' || value[10] != 'T' || value[13] != ':' || value[16] != ':' || value[19] != '.' || value[27] != 'Z')
        {
            return false;
        }

        if (!Digits(value, 0, 4, out var year) || !Digits(value, 5, 2, out var month) || !Digits(value, 8, 2, out var day)
            || !Digits(value, 11, 2, out var hour) || !Digits(value, 14, 2, out var minute) || !Digits(value, 17, 2, out var second)
            || !Digits(value, 20, 7, out var ticks) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month)
            || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        parsed = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    private static bool Digits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

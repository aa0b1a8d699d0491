using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ActionBot.Core.Ports;

namespace ActionBot.Hosting;

/// <summary>
/// The <c>cursor=</c> of <c>GET /api/action-items</c>: an item's place in creation order, opaque to clients (base64url
/// of a versioned text), so the storage order can change without breaking the links clients hold.
/// </summary>
public static class ItemCursor
{
    private const string Version = "v1";

    public static string Encode(ItemPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var text = string.Join('\n', Version, position.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), position.Key);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The position a cursor of <see cref="Encode"/> names; null for anything else.</summary>
    public static ItemPosition? Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length > 512 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
        }
        catch (FormatException)
        {
            return null;
        }

        return parts is [Version, var time, { Length: > 0 } key]
            && DateTimeOffset.TryParseExact(time, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt)
            ? new ItemPosition(createdAt.ToUniversalTime(), key)
            : null;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Core.Reminders;

/// <summary>Deterministic keys of reminder messages: the same recipient and item slots give the same key on any replica.</summary>
public static class ReminderKeys
{
    /// <summary><c>remind:{recipient}:{hash of the sorted item:slot pairs}</c>.</summary>
    public static string Message(string recipientKey, IEnumerable<(string ItemKey, string Slot)> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var pairs = slots.Select(s => $"{s.ItemKey}:{s.Slot}").Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pairs)));
        return $"remind:{recipientKey}:{Convert.ToHexStringLower(hash, 0, 12)}";
    }

    public static string Escalation(string itemKey) => $"escalate:{itemKey}";
}

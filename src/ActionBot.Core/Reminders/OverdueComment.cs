using System.Globalization;

namespace ActionBot.Core.Reminders;

/// <summary>The comment on an overdue item's issue, with a hidden marker naming the item and slot (one comment per repeat).</summary>
public static class OverdueComment
{
    public static string Marker(string itemKey, ReminderSlot slot) => $"<!-- actionbot:reminder={itemKey}:{slot.Key} -->";

    public static string Body(DueItem item, ReminderSlot slot)
    {
        ArgumentNullException.ThrowIfNull(item);
        var owners = item.Item.Owners.Count == 0 ? "no owner yet" : string.Join(", ", item.Item.Owners.Select(o => $"@{o}"));
        var days = item.DaysOverdue == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{item.DaysOverdue} days");
        return string.Create(CultureInfo.InvariantCulture, $"""
            This action item was due on {item.Due:yyyy-MM-dd} and is {days} overdue ({owners}).
            Close this issue when it is done; the bot keeps reminding its owners until then.

            {Marker(item.Item.Key, slot)}
            """);
    }
}

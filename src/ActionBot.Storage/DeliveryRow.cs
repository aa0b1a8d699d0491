using ActionBot.Core.Ports;

namespace ActionBot.Storage;

/// <summary>A claimed <c>webhook_deliveries</c> row as read back.</summary>
internal sealed class DeliveryRow
{
    public string Id { get; set; } = "";
    public string Event { get; set; } = "";
    public string? Action { get; set; }
    public string? Repository { get; set; }
    public string ReceivedAt { get; set; } = "";
    public long Attempts { get; set; }
    public byte[] Body { get; set; } = [];

    public InboxDelivery ToDelivery() =>
        new(Id, Event, Action, Repository, Body, SqlValues.ParseTimestamp(ReceivedAt), checked((int)Attempts));

    /// <summary>Claimed rows as deliveries, received first first (stored timestamps sort as text).</summary>
    public static IReadOnlyList<InboxDelivery> InArrivalOrder(IEnumerable<DeliveryRow> rows) =>
        [.. rows.OrderBy(row => row.ReceivedAt, StringComparer.Ordinal).Select(row => row.ToDelivery())];

    /// <summary>What completing (or retrying, or failing) ids that are not stored throws.</summary>
    public static InvalidOperationException Unknown(IReadOnlyCollection<string> ids) =>
        new(ids.Count == 1
            ? $"No webhook delivery has the id '{ids.First()}'."
            : $"No webhook deliveries have the ids {string.Join(", ", ids.Select(id => $"'{id}'"))}.");
}

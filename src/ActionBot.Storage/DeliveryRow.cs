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
}

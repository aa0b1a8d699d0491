using System.Text.Json.Serialization;

namespace ActionBot.Discord.Api;

/// <summary>Discord's JSON: snake_case, absent rather than null.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DmChannelRequest))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(Outbox.OutboxPayload))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;

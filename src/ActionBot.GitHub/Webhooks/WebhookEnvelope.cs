using System.Text.Json;

namespace ActionBot.GitHub.Webhooks;

/// <summary>
/// What the acknowledgement path needs from a payload: the top-level <c>action</c> and
/// <c>repository.full_name</c>. One forward pass of <see cref="Utf8JsonReader"/> over the whole body,
/// which also proves the body is a well-formed JSON object; nothing else is materialized.
/// </summary>
public readonly record struct WebhookEnvelope(string? Action, string? Repository)
{
    public static bool TryRead(ReadOnlySpan<byte> json, out WebhookEnvelope envelope)
    {
        envelope = default;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? action = null;
            string? repository = null;
            var inRepository = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.CurrentDepth == 1 && reader.ValueTextEquals("action"u8))
                    {
                        reader.Read();
                        action = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else if (reader.CurrentDepth == 1 && reader.ValueTextEquals("repository"u8))
                    {
                        reader.Read();
                        inRepository = reader.TokenType == JsonTokenType.StartObject;
                    }
                    else if (inRepository && reader.CurrentDepth == 2 && reader.ValueTextEquals("full_name"u8))
                    {
                        reader.Read();
                        repository = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1)
                {
                    inRepository = false;
                }
            }

            envelope = new WebhookEnvelope(action, repository);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on a string that is not valid UTF-8.
            return false;
        }
    }
}

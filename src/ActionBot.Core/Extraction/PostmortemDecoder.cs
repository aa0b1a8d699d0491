namespace ActionBot.Core.Extraction;

/// <summary>Turns the bytes of a postmortem file into text (placeholder: the real decoder lands next).</summary>
public static class PostmortemDecoder
{
    public static PostmortemText Decode(ReadOnlySpan<byte> bytes) =>
        PostmortemText.Ok(System.Text.Encoding.UTF8.GetString(bytes));
}

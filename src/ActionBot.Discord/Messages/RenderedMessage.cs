using ActionBot.Discord.Api;

namespace ActionBot.Discord.Messages;

/// <summary>A message ready to send: its pages (each within Discord's limits) and who it may ping.</summary>
public sealed record RenderedMessage(IReadOnlyList<string> Pages, AllowedMentions Mentions);

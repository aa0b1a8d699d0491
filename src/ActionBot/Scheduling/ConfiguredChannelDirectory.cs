using ActionBot.Core.Ports;

namespace ActionBot.Scheduling;

/// <summary>
/// Channels from configuration: <c>GitHub:Repositories:N:DiscordChannelId</c>, else <c>Discord:DefaultChannelId</c>.
/// Read from configuration directly, so it works with GitHub or Discord off.
/// </summary>
public sealed class ConfiguredChannelDirectory : IChannelDirectory
{
    private readonly Dictionary<string, string> _byRepository = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _defaultChannel;

    public ConfiguredChannelDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _defaultChannel = NullIfEmpty(configuration["ActionBot:Discord:DefaultChannelId"]);
        var repositories = new List<string>();
        foreach (var repository in configuration.GetSection("ActionBot:GitHub:Repositories").GetChildren())
        {
            if (NullIfEmpty(repository["Name"]) is not { } name)
            {
                continue;
            }

            repositories.Add(name);
            if ((NullIfEmpty(repository["DiscordChannelId"]) ?? _defaultChannel) is { } channel)
            {
                _byRepository[name] = channel;
            }
        }

        Channels = _byRepository.GroupBy(p => p.Value, StringComparer.Ordinal)
            .Select(g => new ChannelScope(g.Key, [.. g.Select(p => p.Key)]))
            .OrderBy(c => c.ChannelId, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<ChannelScope> Channels { get; }

    public string? ChannelFor(string repository) => _byRepository.GetValueOrDefault(repository) ?? _defaultChannel;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

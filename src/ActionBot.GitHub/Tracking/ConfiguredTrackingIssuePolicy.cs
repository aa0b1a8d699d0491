using ActionBot.Core.Ports;
using ActionBot.GitHub.Api;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Tracking;

/// <summary>
/// <c>GitHub:Repositories:N:TrackingIssue</c> of the repository, as configured now; on for a repository no longer
/// configured (its postmortems keep the tracking issues they have).
/// </summary>
public sealed class ConfiguredTrackingIssuePolicy(IOptionsMonitor<GitHubOptions> options) : ITrackingIssuePolicy
{
    public bool IsOn(string repository) =>
        options.CurrentValue.Repositories.FirstOrDefault(r => string.Equals(r.Name, repository, StringComparison.OrdinalIgnoreCase))?.TrackingIssue ?? true;
}

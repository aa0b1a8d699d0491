namespace ActionBot.Core.Ports;

/// <summary>Whether a repository's postmortems get a tracking issue (<c>GitHub:Repositories:N:TrackingIssue</c>, on by default).</summary>
public interface ITrackingIssuePolicy
{
    bool IsOn(string repository);
}

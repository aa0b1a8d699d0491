using System.Runtime.CompilerServices;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Reminders;

/// <summary>The ledger port in memory, with the port's once-per-key contract.</summary>
internal sealed class InMemoryLedger : IReminderLedger
{
    private readonly HashSet<(string, ReminderRecordKind, string)> _log = [];

    public List<ReminderCandidate> Candidates { get; } = [];

    public async IAsyncEnumerable<ReminderCandidate> OpenItemsAsync(DateOnly dueBy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var candidate in Candidates.ToList())
        {
            yield return candidate;
        }
    }

    public Task<int> RecordAsync(IReadOnlyList<ReminderRecord> records, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var record in records)
        {
            if (!_log.Add((record.ItemKey, record.Kind, record.Kind == ReminderRecordKind.Escalation ? "-" : record.Slot)))
            {
                continue;
            }

            added++;
            var index = Candidates.FindIndex(c => c.Item.Key == record.ItemKey);
            var state = Candidates[index].State;
            Candidates[index] = Candidates[index] with
            {
                State = record.Kind switch
                {
                    ReminderRecordKind.Reminder => state with { LastSlot = record.Slot, OverdueReminders = state.OverdueReminders + (record.Overdue ? 1 : 0) },
                    ReminderRecordKind.Comment => state with { LastCommentSlot = record.Slot },
                    _ => state with { Escalated = true },
                },
            };
        }

        return Task.FromResult(added);
    }
}

internal sealed class RecordingReminderChat : IChatNotifier
{
    public List<ReminderMessage> Reminders { get; } = [];
    public List<EscalationMessage> Escalations { get; } = [];

    public Task AnnounceAsync(PostmortemAnnouncement announcement, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemindAsync(ReminderMessage reminder, CancellationToken cancellationToken)
    {
        Reminders.Add(reminder);
        return Task.CompletedTask;
    }

    public Task EscalateAsync(EscalationMessage escalation, CancellationToken cancellationToken)
    {
        Escalations.Add(escalation);
        return Task.CompletedTask;
    }

    public Task PostDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class FixedAccountLinks(params (string Login, string ChatUser)[] links) : IAccountLinks
{
    public Task<bool> TryLinkAsync(string chatUserId, string gitHubLogin, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<string?> GetGitHubLoginAsync(string chatUserId, CancellationToken cancellationToken) =>
        Task.FromResult(links.Where(l => l.ChatUser == chatUserId).Select(l => l.Login).FirstOrDefault());

    public Task<string?> GetChatUserIdAsync(string gitHubLogin, CancellationToken cancellationToken) =>
        Task.FromResult(links.Where(l => string.Equals(l.Login, gitHubLogin, StringComparison.OrdinalIgnoreCase)).Select(l => l.ChatUser).FirstOrDefault());
}

internal sealed class OneChannelDirectory(string channelId, params string[] repositories) : IChannelDirectory
{
    public IReadOnlyList<ChannelScope> Channels => [new ChannelScope(channelId, repositories)];

    public string? ChannelFor(string repository) => channelId;
}

internal static class Items
{
    public const string Repository = "acme/ops";

    public static TrackedItem Open(string id, DateOnly due, params string[] owners) => new()
    {
        Key = $"key-{id}",
        Repository = Repository,
        Path = "postmortems/dns.md",
        IssueRepository = Repository,
        ItemId = id,
        Title = $"Fix {id}",
        Section = "Action items",
        Owners = owners,
        Due = due,
        IssueNumber = id.GetHashCode(StringComparison.Ordinal) & 0xffff,
        CreatedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
    };
}

using System.Text.RegularExpressions;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary>Finding postmortems and items the way people name them in commands, and their effective due dates.</summary>
public sealed partial class PostmortemLookup(IActionItemStore store, IDueDateRule dueDates)
{
    /// <summary>Tracked postmortems by (repository, path), for due dates that start at a merge.</summary>
    public async Task<IReadOnlyDictionary<(string Repository, string Path), TrackedPostmortem>> PostmortemsAsync(CancellationToken cancellationToken) =>
        (await store.ListPostmortemsAsync(null, cancellationToken).ConfigureAwait(false)).ToDictionary(p => (p.Repository, p.Path));

    public static DateOnly Due(IDueDateRule rule, TrackedItem item, IReadOnlyDictionary<(string Repository, string Path), TrackedPostmortem> postmortems)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(postmortems);
        return rule.DueDate(item, postmortems.GetValueOrDefault((item.Repository, item.Path)));
    }

    public IDueDateRule DueDates => dueDates;

    /// <summary>
    /// The postmortem <paramref name="source"/> names: a pull request number (<c>101</c>, <c>#101</c>), a file path (or
    /// its end), or words of its title; the latest one when <paramref name="source"/> is empty. Latest match first.
    /// </summary>
    public async Task<TrackedPostmortem?> FindPostmortemAsync(string? source, CancellationToken cancellationToken)
    {
        var postmortems = await store.ListPostmortemsAsync(null, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(source))
        {
            return postmortems.Count > 0 ? postmortems[0] : null;
        }

        var text = source.Trim();
        if (PullRequestNumber().Match(text) is { Success: true } number)
        {
            var pr = int.Parse(number.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            return postmortems.FirstOrDefault(p => p.PullRequest == pr);
        }

        var byPath = postmortems.FirstOrDefault(p => p.Path.Equals(text, StringComparison.OrdinalIgnoreCase)
            || p.Path.EndsWith("/" + text.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
        if (byPath is not null)
        {
            return byPath;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return postmortems.FirstOrDefault(p => words.All(w =>
            (p.Title ?? "").Contains(w, StringComparison.OrdinalIgnoreCase) || p.Path.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The item <paramref name="reference"/> names: its issue (<c>#12</c>, <c>12</c>, <c>owner/repo#12</c>) or its key.</summary>
    public async Task<TrackedItem?> FindItemAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var items = await store.QueryItemsAsync(new ItemQuery(ItemStateFilter.All), cancellationToken).ConfigureAwait(false);
        if (IssueReference().Match(reference.Trim()) is { Success: true } issue)
        {
            var number = int.Parse(issue.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var repository = issue.Groups["repo"].Success ? issue.Groups["repo"].Value : null;
            return items.Where(i => !i.Removed).FirstOrDefault(i => i.IssueNumber == number
                && (repository is null || i.IssueRepository.Equals(repository, StringComparison.OrdinalIgnoreCase)));
        }

        return items.FirstOrDefault(i => i.Key.Equals(reference.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^#?(?<n>\d{1,9})$")]
    private static partial Regex PullRequestNumber();

    [GeneratedRegex(@"^(?:(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+))?#?(?<n>\d{1,9})$")]
    private static partial Regex IssueReference();
}

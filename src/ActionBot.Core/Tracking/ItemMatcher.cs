using ActionBot.Core.Extraction;

namespace ActionBot.Core.Tracking;

/// <summary>What became of each item when a postmortem was read again.</summary>
public sealed record ItemMatches(
    IReadOnlyList<(TrackedItem Known, ActionItem Current)> Unchanged,
    IReadOnlyList<(TrackedItem Known, ActionItem Current)> Reworded,
    IReadOnlyList<ActionItem> Added,
    IReadOnlyList<TrackedItem> Removed);

/// <summary>
/// Matches the items of a re-merged postmortem to the items tracked before: same wording first, then the
/// most similar wording (shared words), so an edited sentence keeps its issue instead of getting a new one.
/// </summary>
public static class ItemMatcher
{
    /// <summary>Share of words two wordings must have in common to be the same task.</summary>
    public const double MinimumSimilarity = 0.5;

    public static ItemMatches Match(IReadOnlyList<TrackedItem> known, IReadOnlyList<ActionItem> current)
    {
        var unmatchedKnown = known.ToList();
        var unchanged = new List<(TrackedItem, ActionItem)>();
        var rest = new List<ActionItem>();
        foreach (var item in current)
        {
            var same = unmatchedKnown.FindIndex(k => k.ItemId == item.Id);
            if (same >= 0)
            {
                unchanged.Add((unmatchedKnown[same], item));
                unmatchedKnown.RemoveAt(same);
            }
            else
            {
                rest.Add(item);
            }
        }

        var reworded = new List<(TrackedItem, ActionItem)>();
        var added = new List<ActionItem>();
        foreach (var item in rest)
        {
            var best = BestMatch(unmatchedKnown, item);
            if (best >= 0)
            {
                reworded.Add((unmatchedKnown[best], item));
                unmatchedKnown.RemoveAt(best);
            }
            else
            {
                added.Add(item);
            }
        }

        return new ItemMatches(unchanged, reworded, added, unmatchedKnown.Where(k => !k.Removed).ToList());
    }

    private static int BestMatch(List<TrackedItem> candidates, ActionItem item)
    {
        var words = Words(item.Text);
        var (best, bestScore) = (-1, MinimumSimilarity);
        for (var i = 0; i < candidates.Count; i++)
        {
            var score = Similarity(words, Words(candidates[i].Text));
            if (score >= bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    /// <summary>Jaccard similarity of two word sets: shared words over all words.</summary>
    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static HashSet<string> Words(string text) =>
        Extraction.Sections.SectionVocabulary.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

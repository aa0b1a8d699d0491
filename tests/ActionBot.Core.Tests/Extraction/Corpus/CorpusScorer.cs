using System.Globalization;
using System.Text;

namespace ActionBot.Core.Tests.Extraction.Corpus;

/// <summary>One document's figures: labelled items, predicted items, matched pairs, and what was left unmatched.</summary>
public sealed record DocumentScore(string Id, int Gold, int Predicted, int Matched, IReadOnlyList<string> MissedLabels, IReadOnlyList<string> ExtraPredictions);

/// <summary>Micro-averaged figures over a set of documents, as <c>score.py</c> prints them.</summary>
public sealed record CorpusScore(IReadOnlyList<DocumentScore> Documents)
{
    public int Gold => Documents.Sum(d => d.Gold);
    public int Predicted => Documents.Sum(d => d.Predicted);
    public int Matched => Documents.Sum(d => d.Matched);
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The figures of the documents whose id passes <paramref name="filter"/> (a family: <c>s*</c>, <c>o*</c>).</summary>
    public CorpusScore Where(Func<string, bool> filter) => new([.. Documents.Where(d => filter(d.Id))]);

    /// <summary>The last line of <c>score.py</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"F1 {F1:F3} precision {Precision:F3} recall {Recall:F3}");
}

/// <summary>
/// A port of <c>../shared/corpus/score.py</c>: every (label, prediction) pair scores the share of the label's content
/// words found in the prediction; pairs are taken greedily, best first (ties: Jaccard overlap, then position), one to
/// one, and a score of at least 0.6 is a match.
/// </summary>
public static class CorpusScorer
{
    public const double Threshold = 0.6;

    private static readonly HashSet<string> StopWords = new(
        """
        a an the and or of to in on at by for from with as into onto
        is are be been being was were it its this that these those
        we our us you your they their i my he she
        will would should shall can could may might must do does did
        so if than then also just very such
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static DocumentScore ScoreDocument(string id, IReadOnlyList<string> labels, IReadOnlyList<string> predictions)
    {
        var matches = Match(labels, predictions);
        var matchedLabels = matches.Select(m => m.Label).ToHashSet();
        var matchedPredictions = matches.Select(m => m.Prediction).ToHashSet();
        return new DocumentScore(
            id,
            labels.Count,
            predictions.Count,
            matches.Count,
            [.. labels.Where((_, i) => !matchedLabels.Contains(i))],
            [.. predictions.Where((_, i) => !matchedPredictions.Contains(i))]);
    }

    /// <summary>Greedy one-to-one matching, as <c>match_document</c>.</summary>
    public static List<(int Label, int Prediction, double Score)> Match(IReadOnlyList<string> labels, IReadOnlyList<string> predictions)
    {
        var labelSets = labels.Select(ContentWords).ToList();
        var predictionSets = predictions.Select(p => Words(p).ToHashSet(StringComparer.Ordinal)).ToList();
        var pairs = new List<(double Score, double Jaccard, int Label, int Prediction)>();
        for (var li = 0; li < labelSets.Count; li++)
        {
            var label = labelSets[li];
            for (var pi = 0; label.Count > 0 && pi < predictionSets.Count; pi++)
            {
                var hit = label.Count(predictionSets[pi].Contains);
                var score = (double)hit / label.Count;
                if (hit == 0 || score < Threshold)
                {
                    continue;
                }

                var union = new HashSet<string>(label, StringComparer.Ordinal);
                union.UnionWith(predictionSets[pi].Where(w => !StopWords.Contains(w)));
                pairs.Add((score, union.Count == 0 ? 0 : (double)hit / union.Count, li, pi));
            }
        }

        // score.py sorts (-score, -jaccard, label, prediction) ascending.
        pairs.Sort((a, b) => (b.Score, b.Jaccard, a.Label, a.Prediction).CompareTo((a.Score, a.Jaccard, b.Label, b.Prediction)));
        var (usedLabels, usedPredictions) = (new HashSet<int>(), new HashSet<int>());
        var matches = new List<(int, int, double)>();
        foreach (var (score, _, label, prediction) in pairs)
        {
            if (!usedLabels.Contains(label) && !usedPredictions.Contains(prediction))
            {
                usedLabels.Add(label);
                usedPredictions.Add(prediction);
                matches.Add((label, prediction, score));
            }
        }

        return matches;
    }

    /// <summary>Content words of a label: its words without stop words, or all of them when only stop words remain.</summary>
    public static HashSet<string> ContentWords(string text)
    {
        var words = Words(text);
        var kept = words.Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return kept.Count > 0 ? kept : words.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Lower-cased runs of letters and digits (Python's <c>[^\W_]+</c>); apostrophes dropped first.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (rune.Value is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // Python's str.isalnum(): letters of any case or kind, and numbers (decimal, letter-like, other).
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}

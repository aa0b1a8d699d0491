namespace ActionBot.Core.Tests.Extraction.Corpus;

/// <summary>The C# port gives the pairs <c>score.py</c>'s <c>match_document</c> gives (expected values computed by score.py).</summary>
public sealed class CorpusScorerTests
{
    [Fact]
    public void A_label_pairs_with_its_best_prediction_and_below_the_threshold_nothing_matches()
    {
        var matches = CorpusScorer.Match(
            ["Add alerting on replication lag", "Document the fail-over runbook"],
            ["Add alerting on replication lag and disk usage", "Add alerting on lag", "document the failover runbook"]);

        Assert.Equal([(0, 0, 1.0)], matches);
    }

    [Fact]
    public void Apostrophes_are_dropped_and_a_label_of_stop_words_still_matches()
    {
        var matches = CorpusScorer.Match(
            ["We will do it", "Don't rotate the keys’ owners"],
            ["we will do", "dont rotate the keys owners", "Rotate keys"]);

        Assert.Equal([(1, 1, 1.0), (0, 0, 0.75)], matches);
    }

    [Fact]
    public void Equal_scores_go_to_the_closer_prediction_and_underscores_split_words()
    {
        var matches = CorpusScorer.Match(
            ["Café upgrade ½ of nodes", "x_y z"],
            ["cafe upgrade nodes ½", "café upgrade of nodes", "x y"]);

        Assert.Equal([(0, 1, 0.75), (1, 2, 2.0 / 3)], matches);
    }
}

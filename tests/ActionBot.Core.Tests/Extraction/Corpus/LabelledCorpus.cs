using System.Text.Json;
using ActionBot.Core.Extraction;

namespace ActionBot.Core.Tests.Extraction.Corpus;

/// <summary>The labelled corpus (<c>postmortems/ID.md</c>, <c>labels/ID.json</c>) read and extracted, ready to score.</summary>
public static class LabelledCorpus
{
    /// <summary>Extracts every postmortem of <paramref name="corpusDirectory"/> and scores it against its labels.</summary>
    public static CorpusScore Score(string corpusDirectory)
    {
        var extractor = new ActionItemExtractor();
        var documents = new List<DocumentScore>();
        foreach (var labelPath in Directory.EnumerateFiles(Path.Combine(corpusDirectory, "labels"), "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(labelPath);
            var labels = ReadLabels(labelPath);
            var postmortem = Path.Combine(corpusDirectory, "postmortems", id + ".md");
            // score.py counts a labelled document without predictions as empty.
            var predictions = File.Exists(postmortem) ? Predict(extractor, postmortem) : [];
            documents.Add(CorpusScorer.ScoreDocument(id, labels, predictions));
        }

        return new CorpusScore(documents);
    }

    // As score.py reads a prediction: "title details".
    private static List<string> Predict(ActionItemExtractor extractor, string path)
    {
        var decoded = PostmortemDecoder.Decode(File.ReadAllBytes(path));
        return decoded.Text is null
            ? []
            : [.. extractor.Extract(decoded.Text).Items.Select(i => $"{i.Title} {i.Details}")];
    }

    private static List<string> ReadLabels(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.TryGetProperty("items", out var items)
            ? [.. items.EnumerateArray().Select(i => i.GetProperty("text").GetString() ?? string.Empty)]
            : [];
    }
}

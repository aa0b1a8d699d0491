using System.Globalization;
using System.Text;
using ActionBot.Core.Tests.Extraction.Corpus;
using ActionBot.Core.Tests.TestKit;
using Xunit.Abstractions;

namespace ActionBot.Core.Tests.Extraction;

/// <summary>
/// The extractor against 40 real postmortems nobody wrote for it (<c>../shared/corpus</c>), scored as
/// <c>score.py</c> scores them. The floors only ever rise: each is the figure the extractor reached.
/// </summary>
public sealed class CorpusScoreTests(ITestOutputHelper output)
{
    private const double F1Floor = 1.000;
    private const double PrecisionFloor = 1.000;
    private const double RecallFloor = 1.000;

    [SharedCorpusFact]
    public void Extractor_reads_the_labelled_corpus_at_or_above_its_floors()
    {
        var score = LabelledCorpus.Score(SharedCorpus.Directory!);

        output.WriteLine($"all 40:                   {score.Summary}");
        output.WriteLine($"student write-ups (s*):   {score.Where(id => id.StartsWith('s')).Summary}");
        output.WriteLine($"organisations (o*):       {score.Where(id => id.StartsWith('o')).Summary}");
        output.WriteLine(Verbose(score));

        var failures = new List<string>();
        Floor(failures, "F1", score.F1, F1Floor);
        Floor(failures, "precision", score.Precision, PrecisionFloor);
        Floor(failures, "recall", score.Recall, RecallFloor);
        Assert.True(failures.Count == 0, $"{string.Join("; ", failures)} ({score.Summary}){Environment.NewLine}{Verbose(score)}");
    }

    private static void Floor(List<string> failures, string name, double value, double floor)
    {
        // Compared as score.py prints it, so a figure read off its output is a floor that holds.
        if (Math.Round(value, 3) < floor)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F3} is below its floor {floor:F3}"));
        }
    }

    // score.py -v: per document, the labels no prediction matched and the predictions no label matched.
    private static string Verbose(CorpusScore score)
    {
        var text = new StringBuilder("doc   gold  pred  match").AppendLine();
        foreach (var doc in score.Documents)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{doc.Id,-5} {doc.Gold,4}  {doc.Predicted,4}  {doc.Matched,5}");
            foreach (var missed in doc.MissedLabels)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      missed label: {Cut(missed)}");
            }

            foreach (var extra in doc.ExtraPredictions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      extra pred:   {Cut(string.Join(' ', extra.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))}");
            }
        }

        return text.ToString();
    }

    private static string Cut(string text) => text.Length <= 110 ? text : text[..110];
}

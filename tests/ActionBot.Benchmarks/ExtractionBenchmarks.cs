using ActionBot.Core.Extraction;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Markdig;

namespace ActionBot.Benchmarks;

/// <summary>
/// The extractor against a bare Markdig parse of the same corpus, so the Ratio column shows what the
/// tree walk costs on top of parsing.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    // The extractor's own pipeline, so the baseline parses exactly what the extractor parses.
    private readonly MarkdownPipeline _pipeline = ActionItemExtractor.Pipeline;
    private readonly ActionItemExtractor _extractor = new();
    private IReadOnlyList<string> _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = PostmortemCorpus.Default;
        _documents = corpus.Documents;
        Console.WriteLine($"// Corpus: {corpus.Documents.Count} postmortems, {corpus.TotalUtf8Bytes:N0} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var document in _documents)
            blocks += Markdown.Parse(document, _pipeline).Count;
        return blocks;
    }

    [Benchmark]
    public int Extract()
    {
        var items = 0;
        foreach (var document in _documents)
            items += _extractor.Extract(document).Items.Count;
        return items;
    }

    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn(_ => PostmortemCorpus.Default.TotalUtf8Bytes));
    }
}

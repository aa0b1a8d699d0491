using ActionBot.Core.Extraction;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ActionBot.Benchmarks;

/// <summary>
/// Hostile inputs at 1x and 4x their base size. Linear work keeps MB/s about equal between the two
/// scales; a 4x input taking ~16x as long (MB/s falling ~4x) is quadratic.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PathologicalBenchmarks
{
    private readonly ActionItemExtractor _extractor = new();
    private string _input = "";

    [Params(PathologicalInput.OpenBrackets, PathologicalInput.UnmatchedEmphasis, PathologicalInput.ManyBoldSpans,
        PathologicalInput.NestedListMarkers, PathologicalInput.WideTable, PathologicalInput.OpenEmphasisTable, PathologicalInput.LongLine)]
    public PathologicalInput Kind { get; set; }

    [Params(1, 4)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = PathologicalInputs.Create(Kind, Scale);
        Console.WriteLine($"// {Kind} x{Scale}: {_input.Length:N0} chars");
    }

    [Benchmark]
    public int Extract() => _extractor.Extract(_input).Items.Count;

    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn(InputBytes));

        private static long InputBytes(BenchmarkCase benchmarkCase)
        {
            var kind = (PathologicalInput)benchmarkCase.Parameters[nameof(Kind)];
            var scale = (int)benchmarkCase.Parameters[nameof(Scale)];
            return System.Text.Encoding.UTF8.GetByteCount(PathologicalInputs.Create(kind, scale));
        }
    }
}

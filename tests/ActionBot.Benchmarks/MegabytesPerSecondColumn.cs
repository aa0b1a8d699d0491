using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActionBot.Benchmarks;

/// <summary>Throughput column: input bytes of one operation divided by its mean time.</summary>
/// <remarks>
/// The column lives in the host process while the benchmark ran in a child process, so it is told how to
/// recompute the input size; the inputs are deterministic, so the host gets the same number.
/// </remarks>
public sealed class MegabytesPerSecondColumn(Func<BenchmarkCase, long> bytesPerOperation) : IColumn
{
    public string Id => nameof(MegabytesPerSecondColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Input megabytes (10^6 UTF-8 bytes) processed per second: input size / Mean";

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0)
            return "NA";
        var megabytes = bytesPerOperation(benchmarkCase) / 1e6;
        var throughput = megabytes / (meanNanoseconds.Value / 1e9);
        // Three significant figures, so slow pathological cases do not all print as 0.0.
        var format = throughput >= 100 ? "N0" : throughput >= 10 ? "N1" : throughput >= 1 ? "N2" : "N3";
        return throughput.ToString(format, CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}

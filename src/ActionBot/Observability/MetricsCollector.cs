using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActionBot.Core.Observability;

namespace ActionBot.Observability;

/// <summary>One labelled series of an instrument: a running sum (counters), a last value (gauges) or buckets (histograms).</summary>
public sealed class MetricSeries(IReadOnlyList<KeyValuePair<string, string>> labels, int buckets)
{
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;
    public double Value { get; set; }
    public long Count { get; set; }
    public long[] Buckets { get; } = new long[buckets];
}

/// <summary>
/// Listens to the <see cref="ActionBotMetrics"/> meter of this host (not to other hosts in the same process) and keeps
/// what Prometheus scrapes: sums of counters, buckets of histograms, last values of gauges. Started with the host, so
/// nothing recorded after start is missed.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Histogram bucket bounds in seconds: from fast API answers to long rate-limit waits.</summary>
    internal static readonly double[] BucketBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, MetricSeries>> _instruments = new();
    private readonly Meter _meter;

    public MetricsCollector(ActionBotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _meter = metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                _instruments.TryAdd(instrument, new ConcurrentDictionary<string, MetricSeries>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the gauges, then returns every instrument with a copy of its series, in a stable order.</summary>
    public IReadOnlyList<(Instrument Instrument, IReadOnlyList<MetricSeries> Series)> Collect()
    {
        _listener.RecordObservableInstruments();
        return [.. _instruments
            .OrderBy(pair => pair.Key.Name, StringComparer.Ordinal)
            .Select(pair => (pair.Key, (IReadOnlyList<MetricSeries>)[.. pair.Value.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Copy(s.Value))]))];
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_instruments.TryGetValue(instrument, out var series))
        {
            return;
        }

        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u001f', labels.Select(l => $"{l.Key}={l.Value}"));
        var histogram = instrument is Histogram<double> or Histogram<long> or Histogram<int>;
        var entry = series.GetOrAdd(key, _ => new MetricSeries(labels, histogram ? BucketBounds.Length : 0));
        lock (entry)
        {
            if (instrument is ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double>)
            {
                entry.Value = value;
                return;
            }

            entry.Value += value;
            entry.Count++;
            for (var i = 0; histogram && i < BucketBounds.Length; i++)
            {
                if (value <= BucketBounds[i])
                {
                    entry.Buckets[i]++;
                }
            }
        }
    }

    private static MetricSeries Copy(MetricSeries series)
    {
        lock (series)
        {
            var copy = new MetricSeries(series.Labels, series.Buckets.Length) { Value = series.Value, Count = series.Count };
            series.Buckets.CopyTo(copy.Buckets, 0);
            return copy;
        }
    }
}

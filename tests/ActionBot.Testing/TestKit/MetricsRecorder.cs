using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActionBot.Testing;

/// <summary>One measurement as an instrument recorded it.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Tag(string name) => Tags.GetValueOrDefault(name);
}

/// <summary>
/// A meter factory for tests that hears only its own meters: pass it to <c>new ActionBotMetrics(recorder)</c> and read
/// what the code under test recorded.
/// </summary>
public sealed class MetricsRecorder : IMeterFactory
{
    private readonly ConcurrentDictionary<Meter, byte> _meters = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly MeterListener _listener = new();

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.ContainsKey(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> Measurements => [.. _measurements];

    /// <summary>The measurements of one instrument (<c>actionbot.discord.call.duration</c>), in order.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters[meter] = 0;
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters.Keys)
        {
            meter.Dispose();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }
}

using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace ActionBot.Observability;

/// <summary>
/// Writes collected instruments in the Prometheus text exposition format (0.0.4): dots become underscores, counters
/// end in <c>_total</c>, a unit of seconds adds <c>_seconds</c>, histograms give cumulative <c>_bucket</c>s, <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<(Instrument Instrument, IReadOnlyList<MetricSeries> Series)> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var text = new StringBuilder();
        foreach (var (instrument, series) in instruments)
        {
            var name = Name(instrument);
            var type = instrument switch
            {
                Counter<long> or Counter<int> or Counter<double> => "counter",
                Histogram<double> or Histogram<long> or Histogram<int> => "histogram",
                _ => "gauge",
            };
            var metric = type == "counter" ? name + "_total" : name;
            text.Append("# HELP ").Append(metric).Append(' ').Append(EscapeHelp(instrument.Description ?? instrument.Name)).Append('\n');
            text.Append("# TYPE ").Append(metric).Append(' ').Append(type).Append('\n');
            foreach (var one in series)
            {
                if (type != "histogram")
                {
                    Sample(text, metric, one.Labels, null, one.Value);
                    continue;
                }

                for (var i = 0; i < MetricsCollector.BucketBounds.Length; i++)
                {
                    Sample(text, name + "_bucket", one.Labels, MetricsCollector.BucketBounds[i].ToString(CultureInfo.InvariantCulture), one.Buckets[i]);
                }

                Sample(text, name + "_bucket", one.Labels, "+Inf", one.Count);
                Sample(text, name + "_sum", one.Labels, null, one.Value);
                Sample(text, name + "_count", one.Labels, null, one.Count);
            }
        }

        return text.ToString();
    }

    private static string Name(Instrument instrument)
    {
        var name = new StringBuilder(instrument.Name.Length + 8);
        foreach (var c in instrument.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return instrument.Unit == "s" ? name.Append("_seconds").ToString() : name.ToString();
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, label) in labels)
            {
                text.Append(first ? string.Empty : ",").Append(key).Append("=\"").Append(EscapeLabel(label)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string EscapeLabel(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

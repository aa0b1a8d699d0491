using ActionBot.Core.Extraction;

namespace ActionBot.Cli.Formatters;

/// <summary>What the extractor found in one source named on the command line.</summary>
public sealed record ExtractedPostmortem(string Source, ExtractionResult Result);

/// <summary>Writes the extracted postmortems in one output format.</summary>
public interface IExtractFormatter
{
    void Write(IReadOnlyList<ExtractedPostmortem> postmortems, TextWriter output);
}

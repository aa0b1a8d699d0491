using System.Text.Json;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tests.TestKit;

namespace ActionBot.Core.Tests.Extraction;

/// <summary>
/// The five reference postmortems beside the clone (<c>../shared/seeds/*.md</c>) against their expected items
/// (<c>../shared/seeds/expected/*.json</c>): section and text of exactly those items, in order.
/// </summary>
public sealed class ReferencePostmortemTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Seeds =>
        SharedSeeds.Directory is null
            ? []
            : new(Directory.EnumerateFiles(SharedSeeds.Directory, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [SharedSeedsTheory]
    [MemberData(nameof(Seeds))]
    public void Reference_postmortem_yields_exactly_its_expected_items(string seed)
    {
        var seeds = SharedSeeds.Directory!;
        var expectedPath = Path.Combine(seeds, "expected", Path.ChangeExtension(seed, ".json"));
        var expected = JsonSerializer.Deserialize<ReferenceExpectation>(File.ReadAllText(expectedPath), Json)
            ?? throw new InvalidDataException($"{expectedPath} is empty");
        var decoded = PostmortemDecoder.Decode(File.ReadAllBytes(Path.Combine(seeds, seed)));
        Assert.True(decoded.Text is not null, $"{seed}: the decoder refused the file: {decoded.Error}");

        var result = new ActionItemExtractor().Extract(decoded.Text);

        var diff = ItemListDiff.Describe(
            [.. expected.Items.Select(i => Render(i.Section, i.Text))],
            [.. result.Items.Select(i => Render(i.Section, i.Text))]);
        Assert.True(diff is null, $"reference postmortem {seed}:{Environment.NewLine}{diff}");
    }

    [SharedSeedsFact]
    public void Every_reference_postmortem_has_its_expected_items()
    {
        var seeds = SharedSeeds.Directory!;
        var postmortems = Directory.EnumerateFiles(seeds, "*.md").Select(Path.GetFileNameWithoutExtension);
        var expectations = Directory.EnumerateFiles(Path.Combine(seeds, "expected"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.NotEmpty(postmortems);
        Assert.Equal(postmortems.Order(StringComparer.Ordinal), expectations.Order(StringComparer.Ordinal));
    }

    private static string Render(string section, string text) => $"[{ItemListDiff.Fold(section)}] \"{ItemListDiff.Fold(text)}\"";

    /// <summary>The shape of a <c>seeds/expected/*.json</c> file.</summary>
    public sealed record ReferenceExpectation(string Source, IReadOnlyList<ReferenceItem> Items);

    public sealed record ReferenceItem(string Section, string Text);
}

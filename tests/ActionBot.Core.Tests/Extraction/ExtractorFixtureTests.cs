using System.Globalization;
using System.Text.Json;
using ActionBot.Core.Extraction;
using ActionBot.Core.Tests.TestKit;

namespace ActionBot.Core.Tests.Extraction;

/// <summary>
/// The extractor's behaviour as data: every <c>Fixtures/NN-name.md</c> is a postmortem and its sibling
/// <c>NN-name.expected.json</c> lists what a careful human reader would call its action items.
/// </summary>
public sealed class ExtractorFixtureTests
{
    private const int MinimumFixtureCount = 28;

    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A typo in a field name of an expected file must fail loudly, not compare as null.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static TheoryData<string> Fixtures =>
        new(Directory.EnumerateFiles(FixtureDirectory, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_fixture_yields_exactly_the_expected_title_date_and_items(string fixture)
    {
        var expected = LoadExpectation(fixture);
        var decoded = PostmortemDecoder.Decode(File.ReadAllBytes(Path.Combine(FixtureDirectory, fixture)));
        Assert.True(decoded.Text is not null, $"{fixture}: the decoder refused the file: {decoded.Error}");

        var result = new ActionItemExtractor().Extract(decoded.Text);

        var problems = new List<string>();
        var actualDate = result.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.Equals(expected.Title, result.Title, StringComparison.Ordinal))
        {
            problems.Add($"title: expected {Quote(expected.Title)}, actual {Quote(result.Title)}");
        }

        if (!string.Equals(expected.Date, actualDate, StringComparison.Ordinal))
        {
            problems.Add($"date: expected {Quote(expected.Date)}, actual {Quote(actualDate)}");
        }

        var itemDiff = ItemListDiff.Describe(
            [.. expected.Items.Select(Render)],
            [.. result.Items.Select(Render)]);
        if (itemDiff is not null)
        {
            problems.Add(itemDiff);
        }

        Assert.True(problems.Count == 0, $"fixture {fixture}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void Every_fixture_has_an_expected_file_and_every_expected_file_a_fixture()
    {
        var postmortems = Directory.EnumerateFiles(FixtureDirectory, "*.md").Select(p => Path.GetFileName(p)[..^".md".Length]);
        var expectations = Directory.EnumerateFiles(FixtureDirectory, "*.expected.json").Select(p => Path.GetFileName(p)[..^".expected.json".Length]);

        Assert.Equal(postmortems.Order(StringComparer.Ordinal), expectations.Order(StringComparer.Ordinal));
        Assert.True(postmortems.Count() >= MinimumFixtureCount, $"only {postmortems.Count()} fixtures; the specification wants at least {MinimumFixtureCount}");
    }

    private static FixtureExpectation LoadExpectation(string fixture)
    {
        var path = Path.Combine(FixtureDirectory, fixture[..^".md".Length] + ".expected.json");
        return JsonSerializer.Deserialize<FixtureExpectation>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
    }

    private static string Render(ExpectedItem item) =>
        Render(item.Section, item.Text, item.Owners ?? [], item.Due, item.Priority, item.Kind, item.Done);

    private static string Render(ActionItem item) =>
        Render(
            item.Section,
            item.Text,
            item.Owners,
            item.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            item.Priority,
            item.Kind switch
            {
                ActionItemKind.Corrective => "corrective",
                ActionItemKind.Preventative => "preventative",
                _ => null,
            },
            item.Done);

    private static string Render(string section, string text, IReadOnlyList<string> owners, string? due, string? priority, string? kind, bool done) =>
        $"[{ItemListDiff.Fold(section)}] \"{ItemListDiff.Fold(text)}\" owners=[{string.Join(", ", owners)}] due={due ?? "-"} priority={priority ?? "-"} kind={kind ?? "-"} done={(done ? "yes" : "no")}";

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";

    /// <summary>The shape of an <c>*.expected.json</c> file.</summary>
    public sealed record FixtureExpectation(string? Title, string? Date, IReadOnlyList<ExpectedItem> Items);

    /// <summary>One expected item; <c>due</c> is <c>yyyy-MM-dd</c>, <c>kind</c> is <c>corrective</c>, <c>preventative</c> or null.</summary>
    public sealed record ExpectedItem(string Section, string Text, IReadOnlyList<string>? Owners, string? Due, string? Priority, string? Kind, bool Done);
}

using System.Text.Json;
using ActionBot.Cli.Formatters;
using ActionBot.Core.Extraction;
using static ActionBot.Tests.Cli.Formatters.Postmortems;

namespace ActionBot.Tests.Cli.Formatters;

public sealed class JsonFormatterTests
{
    [Fact]
    public void FullItem_IsWrittenWithCamelCaseNamesAndDocumentedTypes()
    {
        var item = Item("Add jitter to cache expiry", "so keys do not expire together", ["dana", "lee"],
            new DateOnly(2024, 3, 1), "P1", ActionItemKind.Preventative, done: true, line: 31);

        using var json = Write(One("postmortems/2024-02-14-cache.md", "Cache stampede", new DateOnly(2024, 2, 14), item));

        var postmortem = json.RootElement.GetProperty("postmortems")[0];
        Assert.Equal("postmortems/2024-02-14-cache.md", postmortem.GetProperty("source").GetString());
        Assert.Equal("Cache stampede", postmortem.GetProperty("title").GetString());
        Assert.Equal("2024-02-14", postmortem.GetProperty("date").GetString());
        var written = postmortem.GetProperty("items")[0];
        Assert.Equal("ai-26", written.GetProperty("id").GetString());
        Assert.Equal("Add jitter to cache expiry", written.GetProperty("title").GetString());
        Assert.Equal("so keys do not expire together", written.GetProperty("details").GetString());
        Assert.Equal("Action items", written.GetProperty("section").GetString());
        Assert.Equal(["dana", "lee"], written.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("2024-03-01", written.GetProperty("due").GetString());
        Assert.Equal("P1", written.GetProperty("priority").GetString());
        Assert.Equal("preventative", written.GetProperty("kind").GetString());
        Assert.True(written.GetProperty("done").GetBoolean());
        Assert.Equal(31, written.GetProperty("line").GetInt32());
    }

    [Fact]
    public void UnknownValues_AreNullAndOwnersAnEmptyArray()
    {
        using var json = Write(One("-", null, null, Item("Rotate the key")));

        var postmortem = json.RootElement.GetProperty("postmortems")[0];
        Assert.Equal(JsonValueKind.Null, postmortem.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, postmortem.GetProperty("date").ValueKind);
        var item = postmortem.GetProperty("items")[0];
        foreach (var name in new[] { "details", "due", "priority", "kind" })
        {
            Assert.Equal(JsonValueKind.Null, item.GetProperty(name).ValueKind);
        }

        Assert.Equal(0, item.GetProperty("owners").GetArrayLength());
        Assert.False(item.GetProperty("done").GetBoolean());
    }

    [Fact]
    public void CorrectiveKind_IsWrittenInLowerCase()
    {
        using var json = Write(One("pm.md", null, null, Item("Fix the retry loop", kind: ActionItemKind.Corrective)));

        Assert.Equal("corrective", json.RootElement.GetProperty("postmortems")[0].GetProperty("items")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void NonAsciiText_IsNotEscaped()
    {
        var output = new StringWriter();

        new JsonFormatter().Write([One("pm.md", "Panne du cache — février", null, Item("Ajouter l’alerte <p95> & co"))], output);

        Assert.Contains("Panne du cache — février", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Ajouter l’alerte <p95> & co", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPostmortems_IsAnEmptyList()
    {
        using var json = Write();

        Assert.Equal(0, json.RootElement.GetProperty("postmortems").GetArrayLength());
    }

    private static JsonDocument Write(params ExtractedPostmortem[] postmortems)
    {
        var output = new StringWriter();
        new JsonFormatter().Write(postmortems, output);
        return JsonDocument.Parse(output.ToString());
    }
}

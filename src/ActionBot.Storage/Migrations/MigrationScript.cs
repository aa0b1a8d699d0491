using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionBot.Storage.Migrations;

/// <summary>One versioned schema change, as embedded in this assembly (<c>Migrations/0001_initial.sql</c>).</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>
/// Loads the embedded <c>Migrations/*.sql</c> in version order. The files are shared by every provider; the few
/// column types that differ are written as placeholders (<c>{{blob}}</c>) that each provider fills in.
/// </summary>
public static partial class MigrationScripts
{
    private const string ResourcePrefix = "ActionBot.Storage.Migrations.";

    /// <summary>The scripts with <paramref name="placeholders"/> (name without braces → SQL) filled in, oldest first.</summary>
    public static IReadOnlyList<MigrationScript> Load(IReadOnlyDictionary<string, string> placeholders)
    {
        ArgumentNullException.ThrowIfNull(placeholders);
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{fileName}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = Fill(fileName, reader.ReadToEnd(), placeholders);
            scripts.Add(new MigrationScript(int.Parse(match.Groups["version"].ValueSpan, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have version {scripts[i].Version}.");
            }
        }

        return scripts;
    }

    private static string Fill(string fileName, string sql, IReadOnlyDictionary<string, string> placeholders) =>
        Placeholder().Replace(sql, m => placeholders.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Migration '{fileName}' uses {m.Value}, which this provider does not define."));

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"\{\{(?<name>[a-z]+)\}\}")]
    private static partial Regex Placeholder();
}

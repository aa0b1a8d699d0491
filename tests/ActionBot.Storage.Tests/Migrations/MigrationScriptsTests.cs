using ActionBot.Storage.Migrations;
using ActionBot.Storage.Sqlite;

namespace ActionBot.Storage.Tests.Migrations;

public sealed class MigrationScriptsTests
{
    [Fact]
    public void Scripts_load_in_version_order_with_their_placeholders_filled()
    {
        var scripts = MigrationScripts.Load(SqliteMigrator.Placeholders);

        Assert.Equal(1, scripts[0].Version);
        Assert.Equal("initial", scripts[0].Name);
        Assert.Equal(scripts.Select(s => s.Version).Order(), scripts.Select(s => s.Version));
        Assert.All(scripts, s => Assert.DoesNotContain("{{", s.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void A_placeholder_the_provider_does_not_define_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationScripts.Load(new Dictionary<string, string>()));

        Assert.Contains("{{blob}}", error.Message, StringComparison.Ordinal);
    }

    // The files are shared with PostgreSQL: keep out what only one of the two databases accepts.
    [Theory]
    [InlineData("AUTOINCREMENT")]
    [InlineData("SERIAL")]
    [InlineData(" BLOB")]
    [InlineData("BYTEA")]
    [InlineData("DATETIME")]
    [InlineData("TIMESTAMP")]
    [InlineData("BOOLEAN")]
    [InlineData("WITHOUT ROWID")]
    [InlineData("COLLATE")]
    [InlineData("PRAGMA")]
    public void Shared_scripts_use_only_sql_both_databases_accept(string construct)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var code = string.Join('\n', reader.ReadToEnd().Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            Assert.DoesNotContain(construct, code, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_embedded_script_is_named_by_version()
    {
        var names = typeof(MigrationScripts).Assembly.GetManifestResourceNames();

        Assert.Contains("ActionBot.Storage.Migrations.0001_initial.sql", names);
        Assert.Equal(names.Count(n => n.EndsWith(".sql", StringComparison.Ordinal)), MigrationScripts.Load(SqliteMigrator.Placeholders).Count);
    }
}

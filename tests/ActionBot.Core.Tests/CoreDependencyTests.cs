using ActionBot.Core.Extraction;

namespace ActionBot.Core.Tests;

/// <summary>Core holds the domain and no I/O: adapters depend on it, never the other way round.</summary>
public class CoreDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "System.Net.Http", "System.Net.Sockets", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql", "Dapper",
        "Microsoft.Extensions.Http", "Microsoft.Extensions.Hosting", "Quartz", "ActionBot.GitHub", "ActionBot.Discord", "ActionBot.Storage",
    ];

    [Fact]
    public void Core_references_no_io_library_or_adapter()
    {
        var references = typeof(ActionItemExtractor).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        var offending = references.Where(name => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.True(offending.Count == 0, $"ActionBot.Core must stay free of I/O, but references: {string.Join(", ", offending)}");
    }
}

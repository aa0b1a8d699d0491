using System.Reflection;
using System.Security.Cryptography;
using ActionBot.Discord;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Identity;
using ActionBot.GitHub.Processing;
using ActionBot.Hosting;
using ActionBot.ReadAccess;
using ActionBot.Scheduling;
using ActionBot.Storage;
using ActionBot.Storage.Sqlite;
using ActionBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActionBot.Tests.Hosting;

/// <summary>
/// <c>appsettings.example.json</c> is what operators copy: it must name every setting the bot reads and be a
/// configuration the bot accepts, with every service resolvable and every option valid.
/// </summary>
public sealed class AppSettingsExampleTests : IDisposable
{
    // Each options class and its section; a class's settable properties are the keys it reads.
    private static readonly (Type Options, string Section)[] Sections =
    [
        (typeof(StorageOptions), StorageOptions.SectionName),
        (typeof(SqliteWalCheckpointerOptions), SqliteWalCheckpointerOptions.SectionName),
        (typeof(GitHubOptions), GitHubOptions.SectionName),
        (typeof(GitHubRepositoryOptions), GitHubOptions.SectionName + ":Repositories:0"),
        (typeof(GitHubIdentityOptions), GitHubIdentityOptions.SectionName),
        (typeof(DiscordOptions), DiscordOptions.SectionName),
        (typeof(DeliveryWorkerOptions), DeliveryWorkerOptions.SectionName),
        (typeof(ReminderOptions), ReminderOptions.SectionName),
        (typeof(MaintenanceOptions), MaintenanceOptions.SectionName),
        (typeof(ReadAccessOptions), ReadAccessOptions.SectionName),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("actionbot-example-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_example_names_every_setting_the_bot_reads()
    {
        var example = new ConfigurationBuilder().AddJsonFile(RepositoryFiles.PathOf("appsettings.example.json")).Build();

        var missing = Sections
            .SelectMany(s => s.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite || IsBoundCollection(p))
                .Select(p => $"{s.Section}:{p.Name}"))
            .Where(key => !example.GetSection(key).Exists())
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_example_builds_a_host_whose_services_resolve_and_whose_options_are_valid()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(RepositoryFiles.PathOf("appsettings.example.json"));
        // Only what the example cannot hold: a real key file at its key path, and a database in a temp folder.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionBot:GitHub:PrivateKeyPath"] = WritePrivateKey(),
            ["ActionBot:Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "actionbot.db")}",
        });
        builder.Host.UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (true, true));
        builder.AddActionBot();

        await using var app = builder.Build();

        // What ValidateOnStart would check at start-up, without starting anything.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotEmpty(app.Services.GetServices<IHostedService>());
    }

    private static bool IsBoundCollection(PropertyInfo property) =>
        property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType);

    private string WritePrivateKey()
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(_folder, "github-app.pem");
        File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
        return path;
    }
}

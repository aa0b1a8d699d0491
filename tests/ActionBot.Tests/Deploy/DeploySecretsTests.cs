using System.Diagnostics;
using System.Text.RegularExpressions;
using ActionBot.GitHub.Api;
using ActionBot.ReadAccess;
using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;
using static ActionBot.Tests.Deploy.DeployYaml;

namespace ActionBot.Tests.Deploy;

/// <summary>
/// Secrets stay out of the repository, the image and the environment where a file will do; every setup of the deploy kit
/// requires the read token; the Compose file works with a GitHub token as well as with an App key.
/// </summary>
public sealed partial class DeploySecretsTests
{
    private static readonly string[] SecretFiles = ["deploy/.env", "deploy/github-app.pem", "data/actionbot.db", "github-app.pem"];

    [RequiresFact("/usr/bin/git", "apt-get install git")]
    public async Task Git_ignores_the_compose_variables_private_keys_and_the_database()
    {
        using var git = Process.Start(new ProcessStartInfo("/usr/bin/git", ["-C", RepositoryFiles.Root, "check-ignore", "--no-index", .. SecretFiles])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var ignored = (await git.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await git.WaitForExitAsync();

        Assert.Equal(SecretFiles.Order(), ignored.Order());
    }

    [Theory]
    [InlineData("deploy/.env", true)]
    [InlineData("deploy/github-app.pem", true)]
    [InlineData("data/actionbot.db", true)]
    [InlineData("src/ActionBot/data/actionbot.db-wal", true)]
    [InlineData("src/ActionBot/bin/Debug/net10.0/ActionBot.dll", true)]
    [InlineData("src/ActionBot.Core/obj/project.assets.json", true)]
    [InlineData(".git/config", true)]
    [InlineData("src/ActionBot/Program.cs", false)]
    [InlineData("Directory.Packages.props", false)]
    public void The_docker_build_context_leaves_out_secrets_databases_and_build_output(string path, bool excluded)
    {
        var patterns = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#'));

        Assert.Equal(excluded, patterns.Any(p => DockerIgnores(p, path)));
    }

    [Fact]
    public void The_kubernetes_key_is_mounted_as_a_file_and_never_exported_to_the_environment()
    {
        var container = Seq(Load("kubernetes/deployment.yaml"), "spec", "template", "spec", "containers").Children[0];
        var secrets = Directory.GetFiles(Path.Combine(Folder, "kubernetes"), "*.yaml").SelectMany(f => LoadAll(Path.GetRelativePath(Folder, f)))
            .Where(d => Text(d, "kind") == "Secret").ToDictionary(d => Text(d, "metadata", "name")!);
        var exported = Seq(container, "envFrom").Children.Select(s => Text(s, "secretRef", "name")).OfType<string>().ToList();
        var keyPath = Text(Load("kubernetes/configmap.yaml"), "data", "ActionBot__GitHub__PrivateKeyPath")!;
        var mount = Seq(container, "volumeMounts").Children.Single(m => keyPath.StartsWith(Text(m, "mountPath")! + "/", StringComparison.Ordinal));
        var volume = Seq(Load("kubernetes/deployment.yaml"), "spec", "template", "spec", "volumes").Children.Single(v => Text(v, "name") == Text(mount, "name"));
        var keySecret = Text(volume, "secret", "secretName")!;

        Assert.NotEmpty(exported);
        Assert.All(exported, name => Assert.DoesNotContain(Map(secrets[name], "stringData"), kv => kv.Key.EndsWith(".pem", StringComparison.Ordinal) || kv.Value.Contains("PRIVATE KEY", StringComparison.OrdinalIgnoreCase) || kv.Value.Contains("PEM", StringComparison.Ordinal)));
        Assert.DoesNotContain(keySecret, exported);
        Assert.Contains(Path.GetFileName(keyPath), Map(secrets[keySecret], "stringData").Keys);
        Assert.Null(Node(container, "env"));
    }

    [Fact]
    public void Compose_runs_with_a_github_token_alone()
    {
        var environment = ComposeEnvironment("docker-compose.yml", new()
        {
            ["POSTGRES_PASSWORD"] = "pg-password", ["GITHUB_TOKEN"] = "github_pat_0123456789abcdef", ["GITHUB_WEBHOOK_SECRET"] = new string('s', 64),
            ["GITHUB_REPOSITORY"] = "acme/handbook", ["DASHBOARD_READ_TOKEN"] = new string('r', 64),
        });

        var services = Services(environment);
        var github = services.GetRequiredService<IOptions<GitHubOptions>>().Value;
        var access = services.GetRequiredService<IOptions<ReadAccessOptions>>().Value;

        Assert.Equal("github_pat_0123456789abcdef", github.Token);
        Assert.True(string.IsNullOrEmpty(github.PrivateKeyPath));
        Assert.True(access.RequireToken);
        Assert.Null(Node(Load("docker-compose.yml"), "secrets"));
    }

    [Fact]
    public void Compose_as_a_github_app_mounts_the_key_as_a_secret_file()
    {
        var app = Load("docker-compose.github-app.yml");

        Assert.Equal("/run/secrets/github-app.pem", Text(app, "services", "actionbot", "environment", "ActionBot__GitHub__PrivateKeyPath"));
        Assert.Equal("github-app.pem", Seq(app, "services", "actionbot", "secrets").Children.Single().ToString());
        Assert.Equal("./github-app.pem", Text(app, "secrets", "github-app.pem", "file"));
    }

    [Fact]
    public void Compose_refuses_to_start_without_a_read_token()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ComposeEnvironment("docker-compose.yml", new()
        {
            ["POSTGRES_PASSWORD"] = "pg-password", ["GITHUB_TOKEN"] = "t", ["GITHUB_WEBHOOK_SECRET"] = "s", ["GITHUB_REPOSITORY"] = "acme/handbook",
        }));

        Assert.Contains("DASHBOARD_READ_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setup_of_the_deploy_kit_requires_the_read_token()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Folder, "Dockerfile"));
        var unit = File.ReadAllText(Path.Combine(Folder, "systemd", "actionbot.service"));
        var compose = Map(Load("docker-compose.yml"), "services", "actionbot", "environment");

        Assert.Matches(@"(?m)^ENV .*\bActionBot__Dashboard__RequireToken=true\b", dockerfile);
        Assert.Contains("Environment=ActionBot__Dashboard__RequireToken=true", unit, StringComparison.Ordinal);
        Assert.Equal("true", compose["ActionBot__Dashboard__RequireToken"]);
        Assert.Equal("true", Text(Load("kubernetes/configmap.yaml"), "data", "ActionBot__Dashboard__RequireToken"));
        Assert.NotNull(Text(Load("kubernetes/secret.yaml"), "stringData", "ActionBot__Dashboard__ReadToken"));
    }

    [Fact]
    public void Kubernetes_probes_name_a_host_the_bot_allows()
    {
        var container = Seq(Load("kubernetes/deployment.yaml"), "spec", "template", "spec", "containers").Children[0];
        var allowed = Text(Load("kubernetes/configmap.yaml"), "data", "AllowedHosts")!.Split(';');

        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var host = Seq(container, probe, "httpGet", "httpHeaders").Children.Single(h => Text(h, "name") == "Host");
            Assert.Contains(Text(host, "value"), allowed);
        }
    }

    // The container's environment as Compose interpolates it from deploy/.env: ${X}, ${X:-default}, ${X:?error}.
    private static Dictionary<string, string> ComposeEnvironment(string file, Dictionary<string, string> dotEnv) =>
        Map(Load(file), "services", "actionbot", "environment").ToDictionary(kv => kv.Key, kv => Variable().Replace(kv.Value, m =>
        {
            var value = dotEnv.GetValueOrDefault(m.Groups["name"].Value);
            return m.Groups["op"].Value switch
            {
                ":-" => string.IsNullOrEmpty(value) ? m.Groups["arg"].Value : value,
                ":?" => string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"{m.Groups["name"].Value}: {m.Groups["arg"].Value}") : value,
                _ => value ?? "",
            };
        }));

    // The bot's options, bound and validated from environment variables as the container receives them.
    private static ServiceProvider Services(Dictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGitHubApi(configuration);
        services.AddReadAccess();
        return services.BuildServiceProvider();
    }

    // Docker's rules, as far as our patterns use them: "**/" any depth, "*" within a name, a directory takes its contents.
    private static bool DockerIgnores(string pattern, string path)
    {
        var regex = "^" + Regex.Escape(pattern.TrimEnd('/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "(/.*)?$";
        return Regex.IsMatch(path, regex);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}

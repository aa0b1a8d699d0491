using System.Diagnostics;
using ActionBot.Tests.TestKit;
using YamlDotNet.RepresentationModel;
using static ActionBot.Tests.Deploy.DeployYaml;

namespace ActionBot.Tests.Deploy;

/// <summary>The files under deploy/ parse and say what operators rely on: probes, replicas, health checks, no root.</summary>
public sealed class DeployFileTests
{
    private static readonly string Deploy = DeployYaml.Folder;

    [Fact]
    public void Kubernetes_runs_two_replicas_probed_on_healthz_and_readyz_with_config_from_its_configmap_and_secret()
    {
        var deployment = Load("kubernetes/deployment.yaml");
        var container = (YamlMappingNode)Seq(deployment, "spec", "template", "spec", "containers").Children[0];

        Assert.Equal("Deployment", Text(deployment, "kind"));
        Assert.Equal("2", Text(deployment, "spec", "replicas"));
        Assert.Equal("/healthz", Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("5080", Text((YamlMappingNode)Seq(container, "ports").Children[0], "containerPort"));
        Assert.Equal("true", Text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        var sources = Seq(container, "envFrom").Children.Cast<YamlMappingNode>().Select(s => s.Children.Single()).ToList();
        Assert.Contains(sources, s => s.Key.ToString() == "configMapRef" && Text((YamlMappingNode)s.Value, "name") == Text(Load("kubernetes/configmap.yaml"), "metadata", "name"));
        Assert.Contains(sources, s => s.Key.ToString() == "secretRef" && Text((YamlMappingNode)s.Value, "name") == Text(Load("kubernetes/secret.yaml"), "metadata", "name"));
        Assert.Equal("Postgres", Text(Load("kubernetes/configmap.yaml"), "data", "ActionBot__Storage__Provider"));
        Assert.NotNull(Text(Load("kubernetes/secret.yaml"), "stringData", "ActionBot__Storage__ConnectionString"));
        var service = Load("kubernetes/service.yaml");
        Assert.Equal(
            Text(deployment, "spec", "template", "metadata", "labels", "app.kubernetes.io/name"),
            Text(service, "spec", "selector", "app.kubernetes.io/name"));
    }

    [Fact]
    public void Compose_runs_the_bot_after_a_healthy_postgres_with_a_volume_and_health_checks()
    {
        var compose = Load("docker-compose.yml");
        var services = (YamlMappingNode)compose.Children[new YamlScalarNode("services")];

        Assert.Equal(["actionbot", "postgres"], services.Children.Keys.Select(k => k.ToString()).Order());
        Assert.NotNull(Node(compose, "services", "postgres", "healthcheck", "test"));
        Assert.NotNull(Node(compose, "services", "actionbot", "healthcheck", "test"));
        Assert.Equal("service_healthy", Text(compose, "services", "actionbot", "depends_on", "postgres", "condition"));
        Assert.Equal("Postgres", Text(compose, "services", "actionbot", "environment", "ActionBot__Storage__Provider"));
        var volume = Seq(compose, "services", "postgres", "volumes").Children[0].ToString().Split(':')[0];
        Assert.NotNull(Node(compose, "volumes", volume));
        Assert.StartsWith("127.0.0.1:", Seq(compose, "services", "actionbot", "ports").Children[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_is_multi_stage_non_root_and_health_checked()
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"));

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("USER ", StringComparison.Ordinal) && !l.Contains("root", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/healthz", StringComparison.Ordinal));
    }

    [RequiresFact("/usr/bin/systemd-analyze", "apt-get install systemd")]
    public async Task Systemd_unit_passes_systemd_analyze_verify()
    {
        var unit = Path.Combine(Deploy, "systemd", "actionbot.service");
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", unit])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Verify also warns about the machine (no systemd running in a container, dotnet not at /usr/bin): only lines about our unit count.
        var about = (errors + output).Split('\n').Where(l => l.Contains("actionbot.service", StringComparison.Ordinal) && !l.Contains("is not executable", StringComparison.Ordinal));
        Assert.Empty(about);
        Assert.Contains("NoNewPrivileges=yes", await File.ReadAllTextAsync(unit), StringComparison.Ordinal);
    }
}

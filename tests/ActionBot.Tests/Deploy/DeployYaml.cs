using ActionBot.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ActionBot.Tests.Deploy;

/// <summary>Reads the YAML files under deploy/ as an operator's tools would, and walks them by key.</summary>
internal static class DeployYaml
{
    public static readonly string Folder = RepositoryFiles.PathOf("deploy");

    public static YamlMappingNode Load(string relative) => Assert.Single(LoadAll(relative));

    public static List<YamlMappingNode> LoadAll(string relative)
    {
        using var reader = new StreamReader(Path.Combine(Folder, relative));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return [.. yaml.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlNode? Node(YamlNode root, params string[] path)
    {
        var node = root;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    public static string? Text(YamlNode root, params string[] path) => (Node(root, path) as YamlScalarNode)?.Value;

    public static YamlSequenceNode Seq(YamlNode root, params string[] path) => Assert.IsType<YamlSequenceNode>(Node(root, path));

    /// <summary>The scalar entries of a mapping, as name and value.</summary>
    public static Dictionary<string, string> Map(YamlNode root, params string[] path) =>
        Assert.IsType<YamlMappingNode>(Node(root, path)).Children.ToDictionary(kv => kv.Key.ToString(), kv => ((YamlScalarNode)kv.Value).Value ?? "");
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ActionBot.ReadAccess;

/// <summary>
/// The <c>Host</c> headers served when <c>AllowedHosts</c> is not configured (ASP.NET's default is any): <c>localhost</c>
/// and the loopback addresses, plus the hosts of the configured listen addresses; a wildcard listen address
/// (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>) stands for this machine's own addresses and name. Any other host gets 400,
/// so a page elsewhere cannot read a local bot through DNS rebinding (its requests carry the page's host name).
/// A configured <c>AllowedHosts</c> is ASP.NET's standard list and replaces these defaults.
/// </summary>
public sealed class AllowedHostsDefaults(IConfiguration configuration) : IPostConfigureOptions<HostFilteringOptions>
{
    private static readonly string[] Wildcards = ["*", "+", "0.0.0.0", "::", "[::]"];
    private static readonly string[] PortOnlyKeys = ["http_ports", "https_ports"];

    public void PostConfigure(string? name, HostFilteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            options.AllowedHosts = Hosts(ListenAddresses(configuration));
        }
    }

    public static List<string> Hosts(IEnumerable<string> listenAddresses)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var address in listenAddresses)
        {
            var host = BindingAddress.Parse(address).Host;
            hosts.AddRange(Wildcards.Contains(host) ? ThisMachine() : [host]);
        }

        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // --urls / ASPNETCORE_URLS, Kestrel's endpoints, and the port-only settings (which listen on every address).
    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? Hosting.ActionBotHostExtensions.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        var ports = PortOnlyKeys.Where(key => !string.IsNullOrEmpty(configuration[key])).Select(_ => "http://*:80");
        return urls.Concat(endpoints).Concat(ports);
    }

    private static IEnumerable<string> ThisMachine()
    {
        yield return Dns.GetHostName();
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork || (a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)))
        {
            yield return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }
    }
}

using System.Net;
using ActionBot.ReadAccess;
using ActionBot.Tests.Infrastructure;
using static ActionBot.Tests.ReadAccess.ReadRequests;

namespace ActionBot.Tests.ReadAccess;

/// <summary><c>AllowedHosts</c> by default: a page elsewhere cannot reach a local bot through DNS rebinding.</summary>
public sealed class AllowedHostsTests
{
    [Theory]
    [InlineData("localhost:5080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    [InlineData("rebound.attacker.example:5080", HttpStatusCode.BadRequest)]
    [InlineData("bot.example.com", HttpStatusCode.BadRequest)]
    public async Task By_default_only_this_machine_s_names_are_served(string host, HttpStatusCode expected)
    {
        await using var app = await ServeApplication.StartAsync();

        using var page = await app.GetAsync("/", ("Host", host));
        using var probe = await app.GetAsync("/healthz", ("Host", host));

        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, probe.StatusCode);
    }

    [Fact]
    public async Task A_configured_AllowedHosts_is_the_standard_list_and_replaces_the_defaults()
    {
        await using var app = await ServeApplication.StartAsync(s => s["AllowedHosts"] = "bot.example.com");

        using var named = await app.GetAsync("/healthz", ("Host", "bot.example.com"));
        using var local = await app.GetAsync("/healthz", ("Host", "localhost"));

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, local.StatusCode);
    }

    [Fact]
    public void The_hosts_of_the_listen_addresses_are_allowed_and_a_wildcard_stands_for_this_machine()
    {
        var named = AllowedHostsDefaults.Hosts(["http://bot.internal:5080"]);
        var wildcard = AllowedHostsDefaults.Hosts(["http://0.0.0.0:5080"]);

        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "bot.internal"], named);
        Assert.Contains(System.Net.Dns.GetHostName(), wildcard);
        Assert.DoesNotContain("0.0.0.0", wildcard);
    }
}

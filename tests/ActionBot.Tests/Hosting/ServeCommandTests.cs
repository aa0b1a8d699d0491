using System.Net;
using System.Net.Sockets;
using ActionBot.Tests.Cli;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Hosting;

/// <summary>
/// <c>serve</c> started as a newcomer starts it, in a process of its own: a configuration that cannot work stops it with
/// one line on standard error naming the key and the reason (exit 2), a port in use with one line (exit 1); no stack
/// trace, nothing said twice.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string[]> BadSettings() => new()
    {
        { "ActionBot:Reminders:TimeZone", ["--ActionBot:Reminders:TimeZone=Mars/Olympus_Mons"] },
        { "ActionBot:Reminders:WorkingDays", ["--ActionBot:Reminders:WorkingDays=Funday-Sunday"] },
        { "ActionBot:Reminders:DigestCron", ["--ActionBot:Reminders:DigestCron=every monday at nine"] },
        { "ActionBot:Storage:Provider", ["--ActionBot:Storage:Provider=Mongo"] },
        { "ActionBot:Reminders:RemindBefore", ["--ActionBot:Reminders:RemindBefore=two days"] },
        { "ActionBot:Dashboard:ReadToken", ["--ActionBot:Dashboard:ReadToken=short"] },
        { "ActionBot:Dashboard:ReadToken", ["--ActionBot:Dashboard:RequireToken=true"] },
        { "ActionBot:Dashboard:TrustedProxies:0", ["--ActionBot:Dashboard:TrustedProxies:0=nginx.local"] },
        {
            "ActionBot:GitHub:PrivateKeyPath",
            [
                "--ActionBot:GitHub:AppId=123456", "--ActionBot:GitHub:InstallationId=7654321",
                "--ActionBot:GitHub:PrivateKeyPath=/nonexistent/github-app.pem", "--ActionBot:GitHub:Repositories:0:Name=acme/handbook",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_setting_that_cannot_work_stops_start_up_with_one_line_naming_the_key_and_exit_code_2(string key, string[] settings)
    {
        await using var serve = ServeProcess.Start(_folder.Path, ["serve", "--urls", "http://127.0.0.1:0", .. settings]);

        var exitCode = await serve.ExitCodeAsync();

        var line = Assert.Single(serve.Error);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("actionbot: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        AssertSaidOnce(serve, line);
    }

    [Fact]
    public async Task A_port_already_in_use_stops_start_up_with_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        await using var serve = ServeProcess.Start(_folder.Path, ["serve", "--urls", address]);

        var exitCode = await serve.ExitCodeAsync();

        var line = Assert.Single(serve.Error);
        Assert.Equal(1, exitCode);
        Assert.StartsWith("actionbot: ", line, StringComparison.Ordinal);
        Assert.Contains(address, line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        AssertSaidOnce(serve, line);
    }

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_log_levels_and_keeps_its_data_in_that_folder()
    {
        await using var serve = ServeProcess.Start(_folder.Path, ["serve", "--urls", "http://127.0.0.1:0"]);
        using var client = new HttpClient { BaseAddress = await serve.ListeningAsync() };

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var items = await client.GetAsync(new Uri("/api/action-items?state=all&owner=someone", UriKind.Relative));

        // A warning after those requests: once it is written, any line they caused is too (the console logger keeps order).
        using var unsigned = await client.PostAsync(new Uri("/webhooks/github", UriKind.Relative), new StringContent("{}"));
        await serve.WaitForOutputAsync(line => line.Contains("Refused GitHub delivery", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        Assert.DoesNotContain(serve.Output, line => line.Contains("Request starting", StringComparison.Ordinal)
            || line.Contains("Executing endpoint", StringComparison.Ordinal) || line.Contains("owner=someone", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "actionbot.db")), "the database lands in the folder serve was started from");
    }

    // Nothing of the failure on standard output either (the log): no stack trace, no second copy of the message.
    private static void AssertSaidOnce(ServeProcess serve, string line)
    {
        var reason = line["actionbot: ".Length..];
        Assert.DoesNotContain(serve.Output, l => l.Contains(reason, StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(serve.Output, l => l.Contains("Exception", StringComparison.Ordinal));
    }
}

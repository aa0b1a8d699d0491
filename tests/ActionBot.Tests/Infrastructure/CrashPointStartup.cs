using System.Diagnostics;
using ActionBot.Core.Ports;
using ActionBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(CrashPointStartup))]

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// What a <see cref="BotProcess"/> adds to the real executable, through ASP.NET Core's hosting startup (named in
/// <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>; runs before the app's own registrations, which add theirs only if none
/// is there): <see cref="KillAtCrashPoint"/> as the crash points. In-process test hosts never name this assembly, so it
/// does nothing there.
/// </summary>
internal sealed class CrashPointStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        if (KillAtCrashPoint.FromEnvironment() is { } crashPoints)
        {
            services.AddSingleton<ICrashPoints>(crashPoints);
        }
    });
}

/// <summary>
/// Crash points that end the process at one boundary, given as <c>point#n</c> (its n-th crossing) in
/// <see cref="Variable"/>: it prints <see cref="BotProcess.CrashLine"/> with the boundary and sends itself SIGKILL, as
/// <c>kill -9</c> would. Nothing after the boundary runs: no finally block, no disposal, no graceful shutdown.
/// </summary>
internal sealed class KillAtCrashPoint(string point, int occurrence) : ICrashPoints
{
    public const string Variable = "ACTIONBOT_TEST_CRASH_AT";

    private int _crossings;

    public static KillAtCrashPoint? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split('#');
        return new KillAtCrashPoint(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
    }

    public ValueTask ReachedAsync(string reached, CancellationToken cancellationToken)
    {
        if (reached != point || Interlocked.Increment(ref _crossings) != occurrence)
        {
            return ValueTask.CompletedTask;
        }

        Console.Out.WriteLine($"{BotProcess.CrashLine}{point}#{occurrence}");
        Console.Out.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();

        // SIGKILL ends the process before this line; never return, so nothing could go on after the boundary.
        return new ValueTask(Task.Delay(Timeout.Infinite, CancellationToken.None));
    }
}

using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.TestKit;
using Microsoft.Playwright;

namespace ActionBot.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium (Debian's; browsers cannot be downloaded here), against the real host on a
/// loopback port: a person picks an owner, applies the filter, and sees only that owner's items. Screenshots are saved.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [RequiresFact(Chromium, "apt-get install chromium")]
    public async Task Filtering_by_owner_in_the_browser_lists_only_that_owners_items()
    {
        await using var app = await ServeApplication.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.Address.AbsoluteUri, StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync(app.Address.AbsoluteUri);
        var before = await page.Locator("li.item").CountAsync();
        await page.SelectOptionAsync("#filter-owner", "tomasz-w");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("owner=tomasz-w", StringComparison.Ordinal));
        var owners = await page.Locator("li.item .meta").AllInnerTextsAsync();
        var titles = await page.Locator("li.item .title").AllInnerTextsAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard-filtered.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard-phone.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.Contains("owner=tomasz-w", page.Url, StringComparison.Ordinal);
        Assert.True(before > titles.Count, $"the filter narrows the list ({before} items before, {titles.Count} after)");
        Assert.Equal(["Require an explicit --env on every write command of the flag CLI", "Show the active environment in the flag CLI prompt"], titles.Order(StringComparer.Ordinal));
        Assert.All(owners, meta => Assert.Contains("@tomasz-w", meta, StringComparison.Ordinal));
        Assert.Equal("tomasz-w", await page.Locator("#filter-owner").InputValueAsync());
        Assert.False(overflow, "The page fits a phone's width without sideways scrolling.");
        Assert.Empty(outside);
        Assert.True(File.Exists(Path.Combine(ScreenshotFolder, "dashboard-filtered.png")));
    }
}

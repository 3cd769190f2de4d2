using Microsoft.Playwright;
using ReferenceFlow.TestSupport;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>One app and one headless system Chromium for every browser test; each test opens its own context (cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string OwnerEmail = "jane.csm@demo.local";

    private IPlaywright? _playwright;

    public BrowserApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string Screenshots { get; } = Path.Combine(RepoRoot.Path, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        App = BrowserApp.Start();
        // The factory's clients address TestServer's default host; talk to Kestrel's port instead.
        using (var pm = new HttpClient { BaseAddress = new Uri(App.BaseUrl) })
        {
            pm.DefaultRequestHeaders.Add("X-Api-Key", Keys.ProgramManager);
            // Enough contacts for every browser test's request to find one free: a contact is held by one request at a
            // time, and most of these requests stay open.
            await TestDirectory.SeedAsync(pm, accounts: 8, ownerEmail: OwnerEmail);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh context (no cookies) at a laptop's width, or at <paramref name="width"/> (390: a phone); in the machine's
    /// time zone, or with the browser told it is in <paramref name="timeZone"/> (an IANA id).
    /// </summary>
    public async Task<BrowserPage> OpenAsync(int width = 1280, int height = 900, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        return new BrowserPage(context, await context.NewPageAsync(), Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Microsoft.Playwright;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>A page that records console errors and uncaught exceptions, with screenshot, accessibility and polling helpers.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshots;
    private readonly List<string> _errors = [];
    private readonly List<string> _expected = [];

    public BrowserPage(IBrowserContext context, IPage page, string screenshots)
    {
        _context = context;
        _screenshots = screenshots;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => _errors.Add($"{page.Url}: {error}");
    }

    public IPage Page { get; }

    public async Task GoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}.");
    }

    /// <summary>
    /// Saves a full-page screenshot, asserts the page logged no console error so far and breaks no WCAG 2 A/AA rule:
    /// every page a test shows is also checked for accessibility.
    /// </summary>
    public async Task ShotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
        var errors = _errors.Where(e => !_expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(errors.Count == 0, "Console errors: " + string.Join(Environment.NewLine, errors));
        await AssertAccessibleAsync();
    }

    /// <summary>A console error the test causes on purpose (a form answered 400 with its field errors), not counted.</summary>
    public void ExpectConsoleError(string fragment) => _expected.Add(fragment);

    /// <summary>
    /// <see cref="ShotAsync"/> for a page answered with an error status on purpose (404, 410…): the browser logs that
    /// status as a console error, which is expected; any other error still fails.
    /// </summary>
    public Task ErrorPageShotAsync(string name)
    {
        _errors.RemoveAll(e => e.StartsWith(Page.Url + ": Failed to load resource: the server responded with a status of", StringComparison.Ordinal));
        return ShotAsync(name);
    }

    /// <summary>Fails with every axe-core WCAG 2 A/AA violation on the page as it stands.</summary>
    public Task AssertAccessibleAsync() => Axe.AssertAccessibleAsync(Page);

    public async Task SignInAsync(string name)
    {
        await GoAsync("/signin");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {name}" }).ClickAsync();
        // The first page after signing in is a cold host's first render of the home page: on a busy two-core CI machine that
        // has taken longer than Playwright's default 30 s.
        try
        {
            // Waiting for the page's load event too once failed in CI with the home page shown (a late resource): what
            // signing in must do is leave /signin with the page's document parsed; what follows waits for what it reads.
            await Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal),
                new() { Timeout = 90_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            // Say what the browser was left looking at, so a failure in CI tells why.
            var text = await Page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Signing in as {name} stayed on {Page.Url}: {text[..Math.Min(600, text.Length)]}", e);
        }
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    /// <summary>Reloads <paramref name="path"/> until <paramref name="locator"/> shows, within a bounded time.</summary>
    public async Task<ILocator> WaitForAsync(string path, Func<IPage, ILocator> locator, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            await GoAsync(path);
            var found = locator(Page);
            if (await found.CountAsync() > 0) return found.First;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} never showed what was expected.");
            await Task.Delay(300);
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>
/// Two replicas of the app, real processes on the same storage, each with a home directory of its own as each container
/// has (where ASP.NET Core would keep its keys if nothing else were configured). What one replica protects — the sign-in
/// cookie, a form's antiforgery token — the other reads, because they share the key ring in the storage account.
/// </summary>
public sealed partial class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string _prefix = "r" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> _homes = [];
    private AppProcess _a = null!;
    private AppProcess _b = null!;

    private string KeyRingContainer => "keyring-" + _prefix;

    public async Task InitializeAsync()
    {
        _a = Replica("replica-a");
        _b = Replica("replica-b");
        await _a.StartAsync();
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await new BlobServiceClient(AzuriteInstance.SharedConnectionString).GetBlobContainerClient(KeyRingContainer).DeleteIfExistsAsync();
        foreach (var home in _homes) Directory.Delete(home, recursive: true);
    }

    [Fact]
    public async Task ACookieFromOneReplicaSignsInOnTheOther()
    {
        var cookie = await SignInAsync(_a);

        var home = await SendAsync(_b, HttpMethod.Get, "/", cookie);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Priya Manager", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormTokenFromOneReplicaIsAcceptedByTheOther()
    {
        var signIn = await SignInAsync(_a);
        var page = await SendAsync(_a, HttpMethod.Get, "/", signIn);
        var html = await page.Content.ReadAsStringAsync();
        var token = FormToken().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No form token on the page.");
        var cookies = $"{signIn}; {CookieNamed(page, ".AspNetCore.Antiforgery")}";

        // Neither Origin nor fetch metadata: only the form token can show the sign-out comes from the app's own page.
        var withoutToken = await SendAsync(_b, HttpMethod.Post, "/signout", cookies, new Dictionary<string, string>());
        var withToken = await SendAsync(_b, HttpMethod.Post, "/signout", cookies, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal("/", withToken.Headers.Location?.OriginalString);
    }

    private AppProcess Replica(string name)
    {
        var home = Directory.CreateTempSubdirectory("rf-home-").FullName;
        _homes.Add(home);
        return new AppProcess(new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["ReferenceFlow__Storage__ConnectionString"] = AzuriteInstance.SharedConnectionString,
            ["ReferenceFlow__Storage__TablePrefix"] = _prefix,
            ["ReferenceFlow__Engine__TaskHub"] = _prefix + "hub",
            ["ReferenceFlow__Engine__PartitionCount"] = "1",
            ["ReferenceFlow__Engine__WorkerId"] = name,
            ["ReferenceFlow__Email__PickupDirectory"] = Path.Combine(home, "outbox"),
            ["ReferenceFlow__Seed__DemoData"] = "false",
            ["ReferenceFlow__DataProtection__Container"] = KeyRingContainer,
        });
    }

    private static async Task<string> SignInAsync(AppProcess replica)
    {
        var response = await SendAsync(replica, HttpMethod.Post, "/signin", cookie: null, new Dictionary<string, string> { ["email"] = "pm@demo.local" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CookieNamed(response, ".AspNetCore.Cookies");
    }

    private static string CookieNamed(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> SendAsync(
        AppProcess replica, HttpMethod method, string path, string? cookie, Dictionary<string, string>? form = null)
    {
        // Cookies by hand, to carry exactly what one replica set to the other.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = replica.BaseAddress,
        };
        using var request = new HttpRequestMessage(method, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

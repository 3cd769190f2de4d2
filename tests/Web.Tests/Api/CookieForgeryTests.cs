using System.Net;
using System.Text;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>
/// A change made with the sign-in cookie must come from the app's own pages: another site's form or script (Sec-Fetch-Site
/// cross-site, a foreign Origin, or neither header) gets 403 before the endpoint runs. API keys pass as before.
/// </summary>
public sealed class CookieForgeryTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    public static TheoryData<string> Writes { get; } = ["/api/requests/no-such-request/cancel", "/api/nominations/no-such-nomination/approve", "/api/references/import", "/signout"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task ACookieWriteFromAnotherSiteIsRefused(string path)
    {
        var cookie = await SignInAsync();
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "https://evil.example"), ("X-None", "") })
        {
            var response = await factory.Anonymous().SendAsync(Post(path, cookie, header, value));
            await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task ACookieWriteFromTheAppsOwnPagesGoesThrough(string path)
    {
        var cookie = await SignInAsync();
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost") })
        {
            var response = await factory.Anonymous().SendAsync(Post(path, cookie, header, value));
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnApiKeyCallerIsNotAskedWhereItCameFrom()
    {
        var client = factory.ClientFor(Keys.ProgramManager);
        var response = await client.SendAsync(Post("/api/requests/no-such-request/cancel", cookie: null, "Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> SignInAsync()
    {
        var signIn = await factory.Anonymous().PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "pm@demo.local" }));
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)).Split(';')[0];
    }

    // text/plain, as a cross-site form may send without a preflight.
    private static HttpRequestMessage Post(string path, string? cookie, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("name,email", Encoding.UTF8, "text/plain") };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (value.Length > 0) request.Headers.Add(header, value);
        return request;
    }
}

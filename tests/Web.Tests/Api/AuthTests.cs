using System.Net;
using System.Net.Http.Json;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>Sign-in for pages, the API document and open endpoints: the Web host's own (the API's 401/403 are in <see cref="ApiAccessTests"/>).</summary>
public sealed class AuthTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task PagesRedirectAnonymousVisitorsToSignIn()
    {
        var response = await factory.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentSignInSetsACookieForADemoUserOnly()
    {
        var client = factory.Anonymous();
        var unknown = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "mallory@evil.example" }));
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.False(unknown.Headers.Contains("Set-Cookie"));

        var known = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "pm@demo.local", ["returnUrl"] = "//evil.example/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal("/", known.Headers.Location?.OriginalString);
        var cookie = Assert.Single(known.Headers.GetValues("Set-Cookie"));

        var api = factory.Anonymous();
        api.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/references")).StatusCode);
    }

    [Theory]
    [InlineData("/program")]
    [InlineData("/references/import")]
    public async Task APageRefusedToTheRoleAnswers403(string path)
    {
        var client = factory.CreateClient();
        (await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "rep@demo.local" }))).EnsureSuccessStatusCode();

        var refused = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("open to your role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same page, reached by a signed-in user whose role allows it, is a page.
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Keys.ProgramManager).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentAndReferencePageAreServed()
    {
        var client = factory.Anonymous();
        var document = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/openapi/v1.json");
        Assert.NotNull(document!["paths"]!["/api/requests"]);
        Assert.NotNull(document["paths"]!["/api/references/{referenceId}"]);
        var docs = await factory.CreateClient().GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/signin")]
    public async Task HealthAndSignInAreOpenToAnonymousCallers(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiBodiesOver64KiBAre413ProblemDetails()
    {
        var big = new string('x', 70 * 1024);
        var response = await factory.ClientFor(Keys.ProgramManager).PutAsync("/api/references/big",
            new StringContent($"{{\"account\":\"{big}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }
}

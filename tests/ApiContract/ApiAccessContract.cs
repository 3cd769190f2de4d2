using System.Net;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>Every API endpoint asks for credentials and the right role, on every host that serves the API.</summary>
public abstract class ApiAccessContract(IApiHost host)
{
    [Theory]
    [InlineData("GET", "/api/references")]
    [InlineData("PUT", "/api/references/x")]
    [InlineData("POST", "/api/references/import")]
    [InlineData("GET", "/api/requests")]
    [InlineData("POST", "/api/requests")]
    [InlineData("GET", "/api/requests/x")]
    [InlineData("POST", "/api/requests/x/cancel")]
    [InlineData("POST", "/api/requests/x/debrief")]
    [InlineData("POST", "/api/requests/x/approve")]
    [InlineData("POST", "/api/requests/x/decline")]
    [InlineData("POST", "/api/requests/x/next")]
    [InlineData("POST", "/api/requests/x/extend")]
    [InlineData("POST", "/api/opportunities/OPP-1/outcome")]
    [InlineData("GET", "/api/program/coverage")]
    [InlineData("GET", "/api/program/fatigue")]
    [InlineData("GET", "/api/insights")]
    [InlineData("POST", "/api/nominations")]
    [InlineData("GET", "/api/nominations")]
    [InlineData("GET", "/api/nominations/x")]
    [InlineData("POST", "/api/nominations/x/approve")]
    [InlineData("POST", "/api/nominations/x/decline")]
    [InlineData("GET", "/api/program/metrics?from=2031-03-03&to=2031-03-16")]
    [InlineData("POST", "/api/erasures")]
    [InlineData("GET", "/api/erasures/x")]
    public async Task EveryApiEndpointAnswers401WithoutCredentials(string method, string path)
    {
        var response = await host.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownApiKeyIsUnauthorized()
    {
        var response = await host.ClientFor("not-a-key").GetAsync("/api/requests");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Keys.Rep, "GET", "/api/references")]
    [InlineData(Keys.Rep, "PUT", "/api/references/x")]
    [InlineData(Keys.Rep2, "POST", "/api/references/import")]
    [InlineData(Keys.Crm, "GET", "/api/requests")]
    [InlineData(Keys.Crm, "POST", "/api/requests")]
    [InlineData(Keys.Rep, "GET", "/api/program/coverage")]
    [InlineData(Keys.Rep2, "GET", "/api/program/fatigue")]
    [InlineData(Keys.Crm, "GET", "/api/insights")]
    [InlineData(Keys.Crm, "GET", "/api/nominations")]
    [InlineData(Keys.Rep, "POST", "/api/nominations/x/approve")]
    [InlineData(Keys.Rep2, "POST", "/api/nominations/x/decline")]
    [InlineData(Keys.Rep, "GET", "/api/program/metrics?from=2031-03-03&to=2031-03-16")]
    [InlineData(Keys.Rep, "POST", "/api/erasures")]
    [InlineData(Keys.Crm, "GET", "/api/erasures/x")]
    public async Task RolesThatDoNotAllowAnEndpointGet403(string key, string method, string path)
    {
        var response = await host.ClientFor(key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AMissingCredentialAnswersAProblemDocument()
    {
        var response = await host.Anonymous().GetAsync("/api/requests");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.ToString());
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }
}

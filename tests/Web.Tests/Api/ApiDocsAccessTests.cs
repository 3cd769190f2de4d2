using System.Net;
using Microsoft.Extensions.Configuration;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Hosting;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>With <c>ReferenceFlow:Api:PublicDocs</c> off the API's map is for signed-in callers only (issue 25, point 13).</summary>
public sealed class ApiDocsAccessTests(PrivateDocsFactory factory) : IClassFixture<PrivateDocsFactory>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api-docs")]
    public async Task AnAnonymousCallerIsNotShownTheDocs(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/api/requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInCallerIsShownTheDocs()
    {
        var response = await factory.ClientFor(Keys.Rep).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void TheDocsArePublicOnlyInDevelopmentUnlessConfigured(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ApiDocs.PublicSetting] = setting }).Build();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(expected, ApiDocs.ArePublic(configuration, host));
    }
}

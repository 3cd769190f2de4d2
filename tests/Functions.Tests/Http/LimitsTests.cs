using System.Net;
using Microsoft.AspNetCore.Http;
using ReferenceFlow.ApiContract;
using ReferenceFlow.Functions.Http;
using ReferenceFlow.Functions.Tests.Support;

namespace ReferenceFlow.Functions.Tests.Http;

// The contracts of the limits on callers, against the HTTP triggers' gates.

public sealed class RateLimitsTests(RateLimitsFunctionsHost host) : RateLimitsContract(host), IClassFixture<RateLimitsFunctionsHost>
{
    [Fact]
    public async Task LinkPagesCountPerAddressThePlatformForwarded()
    {
        var near = host.Anonymous();
        near.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.1, 203.0.113.10");
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await near.GetAsync($"/actions/t{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await near.GetAsync("/actions/t3")).StatusCode);

        // Another address behind the platform has its own bucket; the client's own claim before the platform's entry is ignored.
        var far = host.Anonymous();
        far.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10, 203.0.113.11");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await far.GetAsync("/actions/t4")).StatusCode);
    }
}

public sealed class AnonymousBodyTests(FunctionsApiHost host) : AnonymousBodyContract(host), IClassFixture<FunctionsApiHost>;

public sealed class PlatformClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("10.0.0.1, 203.0.113.7:52011", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("not-an-address", "192.0.2.1")]
    public void TheLastForwardedEntryIsTheClient(string forwarded, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.1");
        context.Request.Headers["X-Forwarded-For"] = forwarded;

        Assert.Equal(IPAddress.Parse(expected), PlatformClientAddress.Of(context));
    }
}

using System.Net;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// The rate limits, on a host configured with <see cref="Settings"/> (tiny buckets that barely refill): link pages and
/// failed sign-ins per client address, signed-in callers per API key; over the limit, 429 with Retry-After and a problem.
/// Each test uses a partition of its own (the host is shared by the class).
/// </summary>
public abstract class RateLimitsContract(IApiHost host)
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ReferenceFlow:RateLimits:LinkPages:Burst"] = "3",
        ["ReferenceFlow:RateLimits:LinkPages:PerSecond"] = "0.01",
        ["ReferenceFlow:RateLimits:SignedIn:Burst"] = "5",
        ["ReferenceFlow:RateLimits:SignedIn:PerSecond"] = "0.01",
        ["ReferenceFlow:RateLimits:FailedSignIns:Burst"] = "2",
        ["ReferenceFlow:RateLimits:FailedSignIns:PerSecond"] = "0.01",
    };

    [Fact]
    public async Task LinkPagesPastTheirBurstAre429WithRetryAfterAndAProblem()
    {
        var client = host.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/actions/not-a-token-{i}")).StatusCode);
        }

        var refused = await client.GetAsync("/preferences/not-a-token");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [Fact]
    public async Task AnApiKeyPastItsBurstIs429AndAnotherKeyIsNot()
    {
        var rep2 = host.ClientFor(Keys.Rep2);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await rep2.GetAsync("/api/requests")).StatusCode);

        var refused = await rep2.GetAsync("/api/requests");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor(Keys.Rep).GetAsync("/api/requests")).StatusCode);
    }

    [Fact]
    public async Task FailedSignInsPastTheirBurstAre429ButAGoodKeyStillWorks()
    {
        var guesser = host.ClientFor("guessed-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/requests")).StatusCode);

        var refused = await guesser.GetAsync("/api/requests");

        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor(Keys.ProgramManager).GetAsync("/api/requests")).StatusCode);
    }
}

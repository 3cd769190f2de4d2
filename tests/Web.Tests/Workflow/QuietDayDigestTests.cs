using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api.Digest;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>A day when nothing waits on the program manager at the send hour has no digest, even if something comes later.</summary>
public sealed class QuietDayDigestTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    [Fact]
    public async Task NothingWaitingSkipsTheDay()
    {
        var run = factory.Services.GetRequiredService<ManagerDigestRun>();

        Assert.Equal(DigestRunResult.NothingWaited, await run.RunOnceAsync(CancellationToken.None));
        var response = await factory.ClientFor(Keys.Rep).PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-QUIET-1"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.Equal(DigestRunResult.AlreadyDecided, await run.RunOnceAsync(CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await factory.MailDev.ListAsync(), m => m.Subject?.StartsWith("Waiting on you", StringComparison.Ordinal) == true);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.Api.Digest;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Functions.Tests.Support;

namespace ReferenceFlow.Functions.Tests;

/// <summary>The digest's timer trigger: bound as the host reads it, and handing over to the run the Web host's job makes.</summary>
public sealed class ManagerDigestFunctionTests(DigestFunctionsHost host) : IClassFixture<DigestFunctionsHost>
{
    [Fact]
    public void TheTriggerLooksEveryQuarterOfAnHourAsTheWebHostsJobDoes()
    {
        var function = FunctionsOutput.Functions().Single(f => f.GetProperty("name").GetString() == "SendManagerDigest");

        var binding = function.GetProperty("bindings").EnumerateArray().Single();
        Assert.Equal("0 */15 * * * *", binding.GetProperty("schedule").GetString());
        Assert.Equal(TimeSpan.FromMinutes(15), ManagerDigestRun.Every);
    }

    [Fact]
    public async Task TheTriggerSendsTheDaysDigestOnce()
    {
        var response = await host.ClientFor(Keys.Rep).PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-DIGEST-F"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var function = ActivatorUtilities.CreateInstance<ManagerDigestFunction>(host.Services);

        // The request's row in the lists is written as it is decided; until then nothing waits, and the day would be skipped.
        await WaitForListedAsync();
        var first = await function.RunAsync(new TimerInfo(), CancellationToken.None);
        var second = await function.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal((DigestRunResult.Sent, DigestRunResult.AlreadyDecided), (first, second));
        var digest = Assert.Single(Directory.GetFiles(host.Outbox, "*.eml").Select(p => MimeMessage.Load(p)), m => m.Headers["X-ReferenceFlow-Kind"] == "Digest");
        Assert.Equal("Waiting on you today: 1 request", digest.Subject);
    }

    private async Task WaitForListedAsync()
    {
        var pm = host.ClientFor(Keys.ProgramManager);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await pm.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/requests?state=Unfulfilled"))!.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The unfulfilled request never reached the list.");
            await Task.Delay(200);
        }
    }
}

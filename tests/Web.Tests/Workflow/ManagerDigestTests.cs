using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Digest;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// The program manager's morning digest, through a real SMTP server: two jobs (as on two replicas) racing at the send hour
/// send it once, and looking again the same day sends nothing more.
/// </summary>
public sealed class ManagerDigestTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    private const string Subject = "Waiting on you today";

    [Fact]
    public async Task TwoJobsRacingSendTheDaysDigestOnceWithLinksToWhatWaits()
    {
        var rep = factory.ClientFor(Keys.Rep);
        // Nobody in the directory yet: unfulfilled, so it needs the program manager.
        var unfulfilled = await SubmitAsync(rep, Samples.Intake(crmId: "OPP-DIGEST-1"));
        await Nominations.ProposeAsync(rep);
        await WaitUntilWaitingAsync(requests: 1, nominations: 1);
        var runs = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<ManagerDigestRun>(factory.Services)).ToList();

        var results = await Task.WhenAll(runs.Select(r => r.RunOnceAsync(CancellationToken.None)));
        var again = await Task.WhenAll(runs.Select(r => r.RunOnceAsync(CancellationToken.None)));

        Assert.Single(results, r => r == DigestRunResult.Sent);
        Assert.All(results.Where(r => r != DigestRunResult.Sent), r => Assert.Equal(DigestRunResult.AlreadyDecided, r));
        Assert.All(again, r => Assert.Equal(DigestRunResult.AlreadyDecided, r));
        var digest = await MimeMessage.LoadAsync(new MemoryStream(await factory.MailDev.WaitForRawAsync(Subject)));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second digest would have arrived by now
        Assert.Single(await factory.MailDev.ListAsync(), m => m.Subject?.StartsWith(Subject, StringComparison.Ordinal) == true);

        Assert.Equal("Waiting on you today: 1 request, 1 nomination", digest.Subject);
        Assert.Equal("Digest", digest.Headers["X-ReferenceFlow-Kind"]);
        Assert.Equal("pm@demo.local", digest.To.Mailboxes.Single().Address);
        Assert.Contains("Acme Health: no reference could be found for it", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/requests/{unfulfilled}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:5080/nominations\"", digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(OurCompanyMarker, digest.TextBody, StringComparison.Ordinal);
    }

    private const string OurCompanyMarker = "{our-company}";

    private static async Task<string> SubmitAsync(HttpClient rep, JsonObject intake)
    {
        var response = await rep.PostAsJsonAsync("/api/requests", intake);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>The home page's lists are read models: wait until they show what was just submitted.</summary>
    private async Task WaitUntilWaitingAsync(int requests, int nominations)
    {
        var manager = new CurrentUser("pm@demo.local", "Priya Manager", new HashSet<string>([Roles.ProgramManager]));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var waiting = await scope.ServiceProvider.GetRequiredService<ManagerQueue>().LoadAsync(manager, CancellationToken.None);
            if (waiting.Requests.Count >= requests && waiting.NominationsToReview >= nominations) return;
            Assert.True(DateTime.UtcNow < deadline, $"Still {waiting.Requests.Count} requests and {waiting.NominationsToReview} nominations waiting.");
            await Task.Delay(200);
        }
    }
}

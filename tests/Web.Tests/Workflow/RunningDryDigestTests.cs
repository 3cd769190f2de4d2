using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.Api.Digest;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;
using static ReferenceFlow.ApiContract.Support.ProgramDirectory;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// The morning digest through a real SMTP server on a day when nothing else waits but the capacity forecast says an
/// industry has run out of calls: three requests wait for a reference in it, and its one contact can give one call.
/// </summary>
public sealed class RunningDryDigestTests(DigestFactory factory) : IClassFixture<DigestFactory>
{
    [Fact]
    public async Task WhatRunsDryWithinFourWeeksIsSentEvenWhenNothingElseWaits()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        await PutAsync(pm, "dry-one", "Mining", [Contact("a", 1, "Call")]);
        await PutAsync(pm, "roomy", "Retail", [Contact("a", 5, "Call"), Contact("b", 5, "Call")]);
        var rep = factory.ClientFor(Keys.Rep);
        for (var i = 0; i < 3; i++)
        {
            var intake = Samples.Intake($"OPP-DRY-{i}");
            intake["prospect"]!["industry"] = "Mining";
            var response = await rep.PostAsJsonAsync("/api/requests", intake);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            await TestDirectory.WaitAsync(rep, id, v => (string?)v["state"] == "AwaitingOwnerApproval");
        }
        await WaitUntilWaitingAsync(pm, "Mining", 3);

        Assert.Equal(DigestRunResult.Sent, await factory.Services.GetRequiredService<ManagerDigestRun>().RunOnceAsync(CancellationToken.None));

        var digest = await MimeMessage.LoadAsync(new MemoryStream(await factory.MailDev.WaitForRawAsync("Waiting on you today")));
        Assert.Equal("Waiting on you today: 1 running dry soon", digest.Subject);
        Assert.Contains("Running out of reference calls within 4 weeks at the pace requests come in: industry Mining (already).", digest.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:5080/program#capacity\"", digest.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>The figures are projected after each decision: wait until the forecast counts every request waiting.</summary>
    private static async Task WaitUntilWaitingAsync(HttpClient pm, string industry, int requests)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await pm.GetFromJsonAsync<JsonArray>("/api/program/capacity"))!.Any(r => (string?)r!["value"] == industry && (int)r["openRequests"]! >= requests))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The forecast never counted {requests} requests waiting in {industry}.");
            await Task.Delay(200);
        }
    }
}

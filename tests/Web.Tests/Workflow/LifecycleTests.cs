using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// One request through its whole life with policies shortened to seconds through configuration:
/// reminder, escalation, timeout to the next candidate, approval and consent from the emailed links,
/// introduction with an invitation, debrief reminder, debrief, outcome.
/// </summary>
public sealed class LifecycleTests(LifecycleTests.Factory factory) : IClassFixture<LifecycleTests.Factory>
{
    public sealed class Factory() : ReferenceFlowFactory(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Policy:OwnerReminderAfter"] = "00:00:03",
        ["ReferenceFlow:Policy:OwnerEscalateAfter"] = "00:00:06",
        ["ReferenceFlow:Policy:OwnerApprovalTimeout"] = "00:00:09",
        ["ReferenceFlow:Policy:ReferenceConsentTimeout"] = "00:05:00",
        // The proposed slot lies in the reference's working hours, possibly days ahead; timers run in real
        // time, so the debrief request is made due as soon as the introduction goes out.
        ["ReferenceFlow:Policy:DebriefAfterCall"] = "-40.00:00:00",
        ["ReferenceFlow:Policy:DebriefReminderAfter"] = "00:00:03",
        ["ReferenceFlow:Policy:UseBusinessHours"] = "false",
    });

    [Fact]
    public async Task ARequestGoesFromSubmissionToAClosedLoop()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var rep = factory.ClientFor(Keys.Rep);
        var browser = factory.Anonymous();
        var jane = Samples.Reference(owner: "jane.csm@demo.local", contacts: [("marie", "marie@contoso.example")]);
        var omar = Samples.Reference(owner: "omar.csm@demo.local", contacts: [("hugo", "hugo@fabrikam.example")]);
        omar["account"] = "Fabrikam Health";
        Assert.True((await pm.PutAsJsonAsync("/api/references/contoso", jane)).IsSuccessStatusCode);
        Assert.True((await pm.PutAsJsonAsync("/api/references/fabrikam", omar)).IsSuccessStatusCode);

        var submitted = await rep.PostAsJsonAsync("/api/requests", Samples.Intake(crmId: "OPP-LIFE"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (string)(await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var view = await TestDirectory.GetAsync(pm, $"/api/requests/{id}");
        Assert.Equal(2, view["candidates"]!.AsArray().Count);
        var firstOwner = Recipient(await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.OwnerApproval)));

        // Nobody answers: reminder, escalation to the program manager, then the next candidate's owner.
        Assert.Equal(firstOwner, Recipient(await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.OwnerReminder))));
        await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.Escalation));
        var secondAsk = await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.OwnerApproval), where: m => Recipient(m) != firstOwner);
        view = await TestDirectory.WaitAsync(pm, id, v => (int?)v["history"]!.AsArray().Count > 0 &&
            v["history"]!.AsArray().Any(h => (string?)h!["type"] == "OwnerApprovalTimedOut"));
        Assert.Equal("AwaitingOwnerApproval", (string?)view["state"]);

        // The second owner approves from the email; the reference accepts from theirs.
        Assert.Equal(HttpStatusCode.OK, (await Act(browser, secondAsk, ActionNames.Approve)).StatusCode);
        var consent = await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.ReferenceConsent));
        Assert.Equal(HttpStatusCode.OK, (await Act(browser, consent, ActionNames.Accept)).StatusCode);

        var introduction = await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.Introduction));
        var calendar = introduction.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"], ignoreCase: true);
        view = await TestDirectory.WaitAsync(rep, id, v => v["slot"] is JsonObject);
        Assert.NotNull(view["slot"]!["end"]);
        var current = view["candidates"]!.AsArray().Single(c => (string?)c!["contactId"] == (string?)view["current"]!["contactId"]);
        Assert.Equal("hugo@fabrikam.example", (string?)current!["contact"]!["email"]);

        // After the call the rep is asked for a debrief, then reminded.
        await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.DebriefRequest));
        await TestDirectory.WaitAsync(rep, id, v => (string?)v["state"] == "AwaitingDebrief");
        await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.DebriefReminder));

        var debrief = await rep.PostAsJsonAsync($"/api/requests/{id}/debrief",
            new { happened = true, metNeeds = true, concerns = "Data residency", landmines = "Competitor claims faster load", notes = "Great call" });
        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.ThankYou));
        await TestDirectory.WaitAsync(rep, id, v => (string?)v["state"] == "Completed");

        var won = await factory.ClientFor(Keys.Crm).PostAsJsonAsync("/api/opportunities/OPP-LIFE/outcome", new { outcome = "Won" });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        await Outbox.WaitForAsync(factory.Outbox, id, nameof(EmailKind.LoopClosed));
        view = await TestDirectory.WaitAsync(rep, id, v => (string?)v["state"] == "Closed");
        Assert.Equal("Won", (string?)view["outcome"]);
    }

    private static string Recipient(MimeMessage message) => message.To.Mailboxes.First().Address;

    private static Task<HttpResponseMessage> Act(HttpClient browser, MimeMessage email, string decision) =>
        browser.PostAsync($"/actions/{Outbox.ActionToken(email)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));
}

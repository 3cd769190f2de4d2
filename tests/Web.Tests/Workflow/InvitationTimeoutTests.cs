using System.Net;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Workflow;

/// <summary>
/// A nomination's invitation on the real engine with its timing shortened to seconds through configuration: the contact
/// who never answers is reminded twice, then the invitation expires (declined by silence) and its link says so.
/// </summary>
public sealed class InvitationTimeoutTests(InvitationTimeoutTests.Factory factory) : IClassFixture<InvitationTimeoutTests.Factory>
{
    public sealed class Factory() : ReferenceFlowFactory(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Policy:InvitationFirstReminderAfter"] = "00:00:02",
        ["ReferenceFlow:Policy:InvitationSecondReminderAfter"] = "00:00:04",
        ["ReferenceFlow:Policy:InvitationTimeout"] = "00:00:07",
    });

    [Fact]
    public async Task SilenceGetsTwoRemindersThenExpiresAndTheLinkSaysSo()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var nomination = await Nominations.ProposeAsync(factory.ClientFor(Keys.Rep));
        var id = (string)nomination["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await pm.PostAsync($"/api/nominations/{id}/approve", null)).StatusCode);
        var token = Outbox.InvitationToken(await Outbox.WaitForAsync(factory.Outbox, id, "Invitation"));

        await Outbox.WaitForAsync(factory.Outbox, id, "InvitationReminder", count: 2);
        var expired = await Nominations.WaitAsync(pm, id, n => (string?)n["state"] == "Expired");

        Assert.Null(expired["answer"]);
        Assert.Contains(expired["history"]!.AsArray(), h => ((string?)h!["what"])!.StartsWith("Expired", StringComparison.Ordinal));
        var late = await factory.Anonymous().PostAsync($"/invitations/{token}", Nominations.Accept());
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pm.GetAsync($"/api/references/{expired["referenceId"]}")).StatusCode);
        Assert.Equal(3, Outbox.For(factory.Outbox, id).DistinctBy(m => m.MessageId).Count());
    }
}

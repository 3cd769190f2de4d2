using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.People;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// The workflow's emails name our staff from the people directory (names remembered in the people table on Azurite): the
/// owner reads who asks, the reference reads who looks after their account.
/// </summary>
public sealed class StaffNamedInEmailsTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task TheOwnerAndTheReferenceReadOurPeopleByName()
    {
        var candidates = await host.RankAsync(candidates: 1);
        var owner = candidates[0].Account.OwnerEmail;
        var people = host.Services.GetRequiredService<PeopleDirectory>();
        await people.RememberAsync(new KnownName(owner, "Jane Carter", NameSource.Directory), CancellationToken.None);
        await people.RememberAsync(new KnownName(WorkflowHost.Rep, "Riley Rep", NameSource.SignIn), CancellationToken.None);

        var id = await host.SubmitAsync(candidates);
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        var approval = await EmailAsync(id, EmailKind.OwnerApproval);

        Assert.Equal(("Jane Carter", owner), approval.To.Mailboxes.Select(m => (m.Name, m.Address)).Single());
        Assert.Contains("Riley Rep is working Acme Health", approval.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkflowHost.Rep, approval.TextBody, StringComparison.Ordinal);

        await host.Workflow.SendAsync(id, new DecideAsOwner(asked.Step!, owner, true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var consent = await EmailAsync(id, EmailKind.ReferenceConsent);

        Assert.Contains("Jane Carter, who looks after your account at ReferenceFlow, agreed to ask you.", consent.TextBody, StringComparison.Ordinal);
        Assert.Equal("Jane Carter", consent.Cc.Mailboxes.Single().Name);
        Assert.DoesNotContain(owner, consent.TextBody, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> EmailAsync(string id, EmailKind kind)
    {
        await Eventually.HoldsAsync(() => host.Emails(id, kind.ToString()).Count == 1);
        return MimeMessage.Load(host.Emails(id, kind.ToString()).Single());
    }
}

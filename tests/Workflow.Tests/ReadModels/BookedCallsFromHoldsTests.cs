using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.ReadModels;

/// <summary>
/// A call ReferenceFlow booked is busy time on the reference's calendar while their request holds them, and free the
/// moment its history lets them go: read from the holds and the holder's history, on the real engine over Azurite.
/// </summary>
public sealed class BookedCallsFromHoldsTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task AnIntroducedCallIsBookedUntilItsRequestLetsTheContactGo()
    {
        var id = await host.SubmitAsync();
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        await host.Workflow.SendAsync(id, new DecideAsOwner(asked.Step!, asked.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        var consenting = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent)).State;
        var email = consenting.Current!.Contact.Email;
        await host.Workflow.SendAsync(id, new DecideAsReference(consenting.Step!, email, true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var slot = (await host.WaitAsync(id, s => s.State.Slot is not null)).State.Slot!;
        var booked = host.Services.GetRequiredService<IBookedCalls>();

        var during = await booked.GetBookedAsync(email.ToUpperInvariant(), slot.Start.AddHours(-1), slot.End.AddHours(1), CancellationToken.None);
        var elsewhere = await booked.GetBookedAsync(email, slot.End.AddHours(1), slot.End.AddHours(3), CancellationToken.None);

        var call = Assert.Single(during);
        Assert.Equal((slot.Start, slot.End), (call.Start, call.End));
        Assert.Empty(elsewhere);

        await host.Workflow.SendAsync(id, new CancelRequest(WorkflowHost.Rep, "the deal moved on", DateTimeOffset.UtcNow), CancellationToken.None);
        await host.WaitAsync(id, s => !s.State.IsOpen);

        // The history is the truth: free at once, whether or not the hold row is gone yet.
        Assert.Empty(await booked.GetBookedAsync(email, slot.Start.AddHours(-1), slot.End.AddHours(1), CancellationToken.None));
    }
}

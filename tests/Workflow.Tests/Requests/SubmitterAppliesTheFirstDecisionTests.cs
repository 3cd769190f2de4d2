using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// The submitter applies the first decision (the owner's ask goes out at once) and the request applies it again a moment
/// later: whichever finishes the work, the owner is asked exactly once, and a submitter that died half-way loses nothing.
/// </summary>
public sealed class SubmitterAppliesTheFirstDecisionTests(SubmitterAppliesTheFirstDecisionTests.QuickConfirmation host)
    : IClassFixture<SubmitterAppliesTheFirstDecisionTests.QuickConfirmation>
{
    public sealed class QuickConfirmation() : WorkflowHost(new() { ["ReferenceFlow:Workflow:SubmitConfirmAfter"] = "00:00:01" });

    [Fact]
    public async Task TheOwnerIsAskedOnceWhenTheSubmitterAndTheRequestBothApplyIt()
    {
        var id = await host.SubmitAsync();

        await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        await ConfirmedAsync(id);

        Assert.Single(host.Emails(id, nameof(EmailKind.OwnerApproval)));
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested"], (await host.HistoryAsync(id)).Select(h => h.Type));
    }

    [Fact]
    public async Task ASubmitterThatDiedAfterStartingTheRequestIsFinishedByTheRequest()
    {
        // Started as the submitter starts it, then nothing: as if its process died before applying the first decision.
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "died"));
        var retry = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ToRetry();
        var run = RequestRun.Submit(submission, new WorkflowPolicy(), retry) with { ConfirmAt = DateTimeOffset.UtcNow.AddSeconds(1) };
        await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator,
            run, new StartOrchestrationOptions(submission.RequestId));

        var recorded = await host.WaitAsync(submission.RequestId, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);

        Assert.Equal(2, recorded.Version);
        await Eventually.HoldsAsync(() => host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)).Count == 1);
    }

    [Fact]
    public async Task RunsOfOneDecisionAtOnceSendEachEmailOnce()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "racing"));
        var decider = new RequestDecider(new WorkflowPolicy());
        var first = Decision.Make(decider, submission.RequestId, 0, RequestState.Initial, decider.Decide(submission, RequestState.Initial));
        var applier = host.Services.GetRequiredService<DecisionApplier>();

        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                await applier.ApplyAsync(first, CancellationToken.None);
                return true;
            }
            catch (EmailBeingSentException)
            {
                return false; // the engine retries such a run; the email is another run's to send
            }
        }));

        Assert.Contains(true, runs);
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
        await applier.ApplyAsync(first, CancellationToken.None);
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
    }

    /// <summary>Waits until the request has decided and applied the submission itself: its input has moved past it.</summary>
    private async Task ConfirmedAsync(string id)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        await Eventually.HoldsAsync(async () =>
            (await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadInputAs<RequestRun>() is { ConfirmAt: null, Version: > 0 });
    }
}

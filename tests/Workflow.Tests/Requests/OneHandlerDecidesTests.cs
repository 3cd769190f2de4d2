using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// The history is the request's only truth: one handler decides each command once, by its id. Whatever an orchestration
/// or a retried caller hands over again — a submission, an answer, a timer the history has moved past — changes nothing.
/// </summary>
public sealed class OneHandlerDecidesTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private RequestCommandHandler Handler => host.Services.GetRequiredService<RequestCommandHandler>();

    [Fact]
    public async Task TheSameSubmissionAgainIsAlreadyAppliedAndTheOwnerIsAskedOnce()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "again"));
        var first = await host.Workflow.SubmitAsync(submission, CancellationToken.None);

        var again = await host.Workflow.SubmitAsync(submission, CancellationToken.None);
        var handedOver = await Handler.HandleAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(HandledAs.AlreadyApplied, handedOver.As);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested"], (await host.HistoryAsync(submission.RequestId)).Select(h => h.Type));
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
    }

    [Fact]
    public async Task ASubmissionRecordedByASubmitterThatDiedIsFinishedByItsRetry()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "died"));
        // Recorded, then nothing: as if the submitter's process died before the owner's email and the orchestration.
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        Assert.Equal(HandledAs.Applied, recorded.Handled.As);
        Assert.Empty(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));

        var retried = await host.Workflow.SubmitAsync(submission, CancellationToken.None);

        Assert.False(retried.Created);
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
        var engine = host.Services.GetRequiredService<DurableTaskClient>();
        Assert.NotNull(await engine.GetInstanceAsync(submission.RequestId));
    }

    [Fact]
    public async Task ASubmissionWhoseEffectsWereLeftUndoneIsFinishedByItsOrchestration()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "left"));
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        var retry = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ToRetry();

        // As the submitter starts it when the mail server did not answer: the submission handed over again.
        await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator,
            new RequestTurn([CommandMessage.Submit(submission)], recorded.Handled.Next, retry), new Microsoft.DurableTask.StartOrchestrationOptions(submission.RequestId));

        await Eventually.HoldsAsync(() => host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)).Count == 1);
        Assert.Equal(2, (await host.HistoryAsync(submission.RequestId)).Count);
    }

    [Fact]
    public async Task HandlersOfOneCommandAtOnceDecideItOnceAndSendEachEmailOnce()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "racing"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return (await Handler.HandleAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None)).As;
            }
            catch (EmailBeingSentException)
            {
                return HandledAs.AlreadyApplied; // the engine retries such a run; the email is another run's to send
            }
        }));

        Assert.Single(runs, r => r == HandledAs.Applied);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested"], (await host.HistoryAsync(submission.RequestId)).Select(h => h.Type));
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
    }

    [Fact]
    public async Task FiftyAnswersToOneRequestAtOnceAreAllRecorded()
    {
        var id = await host.SubmitAsync(accounts: "fifty");
        var asked = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);

        // Each from someone who is not the owner: a late answer, recorded beside the request without moving it on. Each
        // round of appending at once only one wins, so the last of fifty needs dozens of rounds.
        var recorded = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => Handler.RecordAsync(id,
            CommandMessage.FromPerson(new DecideAsOwner(asked.State.Step!, $"someone{i}@elsewhere.example", true, null, DateTimeOffset.UtcNow)),
            CancellationToken.None))));

        Assert.All(recorded, r => Assert.Equal(HandledAs.Applied, r.Handled.As));
        Assert.Equal(50, (await host.Workflow.LoadAsync(id, CancellationToken.None))!.State.LateAnswers);
    }

    [Fact]
    public async Task ASetBackOrchestrationHandingOverAnOlderCommandAndOlderTimersChangesNothing()
    {
        var id = await host.SubmitAsync(accounts: "setback");
        var asked = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var approve = new CommandMessage("owner-click",
            new DecideAsOwner(asked.State.Step!, asked.State.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow));
        Assert.Equal(HandledAs.Applied, (await Handler.HandleAsync(id, approve, CancellationToken.None)).As);
        var moved = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);
        var emails = host.Emails(id, nameof(EmailKind.ReferenceConsent)).Count;

        // What an orchestration the engine set back would hand over: the approval again, and the owner's timers, all due.
        var again = await Handler.HandleAsync(id, approve, CancellationToken.None);
        var olderTimers = new List<Handled>();
        foreach (var timer in asked.State.PendingTimers)
        {
            olderTimers.Add(await Handler.HandleAsync(id, CommandMessage.Timer(new TimerElapsed(timer, timer.DueAt.AddMinutes(1))), CancellationToken.None));
        }
        await host.Services.GetRequiredService<DurableTaskClient>().RaiseEventAsync(id, WorkflowNames.CommandEvent, approve);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(HandledAs.AlreadyApplied, again.As);
        // A timer the history no longer expects catches up: the last command (the approval) again, already applied.
        Assert.All(olderTimers, h => Assert.Equal(HandledAs.AlreadyApplied, h.As));
        var now = await host.Workflow.LoadAsync(id, CancellationToken.None);
        Assert.Equal(moved.Version, now!.Version);
        Assert.Equal(moved.State, now.State);
        Assert.Equal(emails, host.Emails(id, nameof(EmailKind.ReferenceConsent)).Count);
        Assert.Single(host.Emails(id, nameof(EmailKind.OwnerApproval)));
    }

    [Fact]
    public async Task ARequestWhoseOrchestrationWasTerminatedAndPurgedGoesOnFromItsHistoryWithTheNextCommand()
    {
        var id = await host.SubmitAsync(accounts: "purged");
        await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var engine = host.Services.GetRequiredService<DurableTaskClient>();
        await Eventually.HoldsAsync(async () => (await engine.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await engine.TerminateInstanceAsync(id);
        await Eventually.HoldsAsync(async () => (await engine.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated);
        await engine.PurgeInstanceAsync(id);

        await host.Workflow.SendAsync(id, new CancelRequest(WorkflowHost.Rep, "the prospect signed elsewhere", DateTimeOffset.UtcNow), CancellationToken.None);

        await host.WaitAsync(id, s => s.State.Status == RequestStatus.Cancelled);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "RequestCancelled"], (await host.HistoryAsync(id)).Select(h => h.Type));
    }

    [Fact]
    public async Task ACommandForARequestWhoseOrchestrationHasNotRunYetIsDecidedWhereItArrives()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "unstarted"));
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        var retry = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ToRetry();
        var engine = host.Services.GetRequiredService<DurableTaskClient>();
        // An orchestration that will not run for a while, as after an outage, or on a host that died holding its start.
        await engine.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator, new RequestTurn([], recorded.Handled.Next, retry),
            new Microsoft.DurableTask.StartOrchestrationOptions(submission.RequestId, DateTimeOffset.UtcNow.AddSeconds(20)));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.GetInstanceAsync(submission.RequestId))?.RuntimeStatus);

        await host.Workflow.SendAsync(submission.RequestId, new CancelRequest(WorkflowHost.Rep, "signed elsewhere", DateTimeOffset.UtcNow), CancellationToken.None);

        // Recorded at once, not when the orchestration first runs.
        Assert.Equal(RequestStatus.Cancelled, (await host.Workflow.LoadAsync(submission.RequestId, CancellationToken.None))!.State.Status);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "RequestCancelled"], (await host.HistoryAsync(submission.RequestId)).Select(h => h.Type));
    }

    [Fact]
    public async Task AnOrchestrationWhoseFirstRunCameLateCatchesUpWithACommandItNeverHeardOf()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(candidates: 3, accounts: "late"));
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        await Handler.ApplyAsync(recorded.Decision!, CancellationToken.None);
        var asked = recorded.Handled;
        var state = (await host.Workflow.LoadAsync(submission.RequestId, CancellationToken.None))!.State;
        // The owner declines, and the event that would have told the orchestration is lost (the engine drops one that
        // reaches an instance before its first execution is saved): the decline's candidate check has not run.
        var declined = await Handler.HandleAsync(submission.RequestId,
            CommandMessage.FromPerson(new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, false, "not now", DateTimeOffset.UtcNow)),
            CancellationToken.None);
        Assert.NotEmpty(declined.CandidateChecks);

        // Its first execution runs a minute after its start, as after a host that held it died.
        var retry = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ToRetry();
        await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator,
            new RequestTurn([], asked.Next, retry, StartedAt: DateTimeOffset.UtcNow.AddMinutes(-1)),
            new Microsoft.DurableTask.StartOrchestrationOptions(submission.RequestId));

        await Eventually.HoldsAsync(() => host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)).Count == 2);
        var history = (await host.HistoryAsync(submission.RequestId)).Select(h => h.Type).ToList();
        Assert.Equal(2, history.Count(t => t == "OwnerApprovalRequested"));
    }

    [Theory]
    [InlineData(3)] // its first execution is saved by the fourth look
    [InlineData(1000)] // still starting at every look: raised anyway after the wait, to a first execution late enough to catch up
    public async Task ACommandForAnOrchestrationStillStartingWaitsForItsFirstExecutionAndIsHeard(int pendingLooks)
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(candidates: 3, accounts: $"starting{pendingLooks}"));
        await host.Workflow.SubmitAsync(submission, CancellationToken.None);
        var state = (await host.Workflow.LoadAsync(submission.RequestId, CancellationToken.None))!.State;
        var client = new StartingClient(host.Services.GetRequiredService<DurableTaskClient>(), submission.RequestId, pendingLooks);
        var workflow = new RequestWorkflow(client, host.Services.GetRequiredService<Storage.Requests.RequestStore>(), Handler,
            host.Services.GetRequiredService<ContactHolder>(), host.Services.GetRequiredService<IOptions<WorkflowOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RequestWorkflow>.Instance);

        await workflow.SendAsync(submission.RequestId,
            new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, false, "not now", DateTimeOffset.UtcNow), CancellationToken.None);

        // The look beside the history, then one every FirstRunLook until the first execution is saved, or for FirstRunWait.
        if (pendingLooks == 3) Assert.Equal(4, client.RaisedAfterLooks);
        else Assert.InRange(client.RaisedAfterLooks!.Value, 2, 1 + (int)(RequestWorkflow.FirstRunWait / RequestWorkflow.FirstRunLook));
        // The decline's candidate check ran: the next candidate's owner is asked.
        await Eventually.HoldsAsync(() => host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)).Count == 2);
    }

    [Fact]
    public async Task ALateFirstRunOfARequestWithNothingLeftUndoneOnlyReadsWhereItStands()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "caughtup"));
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        await Handler.ApplyAsync(recorded.Decision!, CancellationToken.None);

        var handled = await Handler.CatchUpIfBehindAsync(submission.RequestId, CancellationToken.None);

        Assert.Equal((HandledAs.AlreadyApplied, recorded.Handled.Version, recorded.Handled.Next), (handled.As, handled.Version, handled.Next));
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.OwnerApproval)));
    }

    [Fact]
    public async Task ACommandRecordedButNotCarriedOutKeepsTheFiguresBehindAndIsCaughtUpWith()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(accounts: "behind"));
        var recorded = await Handler.RecordAsync(submission.RequestId, CommandMessage.Submit(submission), CancellationToken.None);
        await Handler.ApplyAsync(recorded.Decision!, CancellationToken.None);
        var state = recorded.Decision!.After;
        // Recorded where it arrived; the event that would have carried it out was dropped.
        var approve = CommandMessage.FromPerson(new DecideAsOwner(state.Step!, state.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow));
        Assert.Equal(HandledAs.Applied, (await Handler.RecordAsync(submission.RequestId, approve, CancellationToken.None)).Handled.As);
        Assert.Empty(host.Emails(submission.RequestId, nameof(EmailKind.ReferenceConsent)));

        var handled = await Handler.CatchUpIfBehindAsync(submission.RequestId, CancellationToken.None);

        Assert.Equal(RequestStatus.AwaitingReferenceConsent, handled.Status);
        Assert.Single(host.Emails(submission.RequestId, nameof(EmailKind.ReferenceConsent)));
    }
}

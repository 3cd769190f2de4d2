using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>The request service and the orchestration together, on the real engine over Azurite.</summary>
public sealed class RequestWorkflowTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task ASubmissionIsRecordedAndTheOwnerIsAskedByEmail()
    {
        var id = await host.SubmitAsync();

        var snapshot = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var history = await host.HistoryAsync(id);

        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested"], history.Select(h => h.Type));
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.Equal(2, snapshot.Version);
        await Eventually.HoldsAsync(() => host.Emails(id, nameof(EmailKind.OwnerApproval)).Count == 1);
    }

    [Fact]
    public async Task AskingTheReferenceIsATouchKeepWarmCountsFrom()
    {
        // Accounts of its own: touches are per contact, and other tests' requests touch the shared ones.
        var id = await host.SubmitAsync(accounts: "touch" + Guid.NewGuid().ToString("N")[..6]);
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        var touches = host.Services.GetRequiredService<ContactTouches>();
        var key = asked.Current!.Key;
        var before = await touches.LastTouchedAsync([key], CancellationToken.None);

        await host.Workflow.SendAsync(id, new DecideAsOwner(asked.Step!, asked.Current.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var consenting = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);

        // The decision's history is written first, its touches right after: wait for them rather than race the activity.
        IReadOnlyDictionary<ContactKey, DateTimeOffset> after = new Dictionary<ContactKey, DateTimeOffset>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!after.ContainsKey(key) && DateTime.UtcNow < deadline)
        {
            after = await touches.LastTouchedAsync([key], CancellationToken.None);
            if (!after.ContainsKey(key)) await Task.Delay(100);
        }
        Assert.True(!before.TryGetValue(key, out var earlier) || after[key] > earlier);
        var history = await host.HistoryAsync(id);
        Assert.Equal(history.Single(h => h.Event is ReferenceConsentRequested).At, after[key]);
        Assert.Equal(RequestStatus.AwaitingReferenceConsent, consenting.State.Status);
    }

    [Fact]
    public async Task MovingOnSkipsACandidateWhoBecameBusyMeanwhileAndAsksTheNextFreeOne()
    {
        var id = await host.SubmitAsync(candidates: 3);
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;
        // Another request now asks about this request's second candidate: that contact is its current one.
        var other = await host.SubmitAsync([asked.Candidates[1]]);
        await host.WaitAsync(other, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);

        await host.Workflow.SendAsync(id, new DecideAsOwner(asked.Step!, asked.Current!.Account.OwnerEmail, false, "not now", DateTimeOffset.UtcNow),
            CancellationToken.None);

        var next = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval && s.State.Step is not null && s.State.CurrentIndex > 0);
        Assert.Equal(2, next.State.CurrentIndex);
        var history = await host.HistoryAsync(id);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "OwnerDeclined", "CandidateCheckRequested", "OwnerApprovalRequested"],
            history.Select(h => h.Type));
    }

    [Fact]
    public async Task RequestsSubmittedAtOnceForTheSameContactsAskEachContactOnce()
    {
        var candidates = await host.RankAsync(candidates: 2);

        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.SubmitAsync(candidates)));

        // Those that lost their first candidate to another check the directory before asking anyone.
        var settled = await Task.WhenAll(ids.Select(id => host.WaitAsync(id, s => s.State.Step is not null || s.State.Status == RequestStatus.Unfulfilled)));
        var asking = settled.Where(s => s.State.Step is not null).Select(s => $"{s.State.Current!.Key}").ToList();
        Assert.Equal(asking.Count, asking.Distinct().Count());
        Assert.Superset(candidates.Select(c => $"{c.Key}").ToHashSet(), asking.ToHashSet());
        Assert.Contains(settled, s => s.State.Candidates.Count > candidates.Count || s.State.Status == RequestStatus.Unfulfilled);
    }

    [Fact]
    public async Task AContactLetGoWhenTheirRequestEndsCanBeAskedByTheNext()
    {
        var candidates = await host.RankAsync(candidates: 1);
        var first = await host.SubmitAsync(candidates);
        await host.WaitAsync(first, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var meanwhile = await host.SubmitAsync(candidates);
        var passedOver = await host.WaitAsync(meanwhile, s => s.State.Step is not null || s.State.Status == RequestStatus.Unfulfilled);
        Assert.NotEqual(candidates[0].Key, passedOver.State.Current?.Key);

        await host.Workflow.SendAsync(first, new CancelRequest(WorkflowHost.Rep, "the deal moved on", DateTimeOffset.UtcNow), CancellationToken.None);
        await host.WaitAsync(first, s => s.State.Status == RequestStatus.Cancelled);
        // The history is written first, the contact let go right after.
        var holds = host.Services.GetRequiredService<ContactHolds>();
        await Eventually.HoldsAsync(async () => (await holds.AmongAsync([candidates[0].Key], CancellationToken.None)).Count == 0);
        var after = await host.SubmitAsync(candidates);

        var asked = await host.WaitAsync(after, s => s.State.Status is RequestStatus.AwaitingOwnerApproval or RequestStatus.Unfulfilled);
        Assert.Equal(candidates[0].Key, asked.State.Current?.Key);
    }

    [Fact]
    public async Task ARequestWhoseHistoryMovedAheadOfItGoesOnFromTheHistory()
    {
        var id = await host.SubmitAsync();
        var asked = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        // The history records the owner's approval the orchestration never saw, as when the engine loses part of its own
        // progress to a crash after the history was written.
        var decider = new RequestDecider(new Domain.Policies.WorkflowPolicy());
        var approval = decider.Decide(new DecideAsOwner(asked.State.Step!, asked.State.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), asked.State);
        await host.Services.GetRequiredService<RequestStore>().AppendAsync(id, asked.Version, "an-approval-the-orchestration-never-saw", approval,
            approval.Aggregate(asked.State, decider.Evolve), CancellationToken.None);

        await host.Workflow.SendAsync(id, new CancelRequest(WorkflowHost.Rep, "the prospect signed elsewhere", DateTimeOffset.UtcNow), CancellationToken.None);

        await host.WaitAsync(id, s => s.State.Status == RequestStatus.Cancelled);
        var history = await host.HistoryAsync(id);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "OwnerApproved", "ReferenceConsentRequested", "RequestCancelled"], history.Select(h => h.Type));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(h => h.Version));
    }

    [Fact]
    public async Task ARequestWhoseOrchestrationFailedStartsAgainFromItsHistoryWithTheNextCommand()
    {
        var id = await FailedRequestAsync();

        await host.Workflow.SendAsync(id, new CancelRequest(WorkflowHost.Rep, "the prospect signed elsewhere", DateTimeOffset.UtcNow), CancellationToken.None);

        await host.WaitAsync(id, s => s.State.Status == RequestStatus.Cancelled);
        var history = await host.HistoryAsync(id);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "RequestCancelled"], history.Select(h => h.Type));
    }

    [Fact]
    public async Task ARequestNobodyAnswersWhoseOrchestrationFailedIsStartedAgainOnceByTwoLooksAtOnce()
    {
        var id = await FailedRequestAsync();
        var engine = host.Services.GetRequiredService<DurableTaskClient>();

        var restarted = await Task.WhenAll(host.Workflow.RestartFailedAsync(CancellationToken.None), host.Workflow.RestartFailedAsync(CancellationToken.None));

        Assert.InRange(restarted.Sum(), 1, 2);
        await Eventually.HoldsAsync(async () => (await engine.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        Assert.Equal(0, await host.Workflow.RestartFailedAsync(CancellationToken.None));
        // It goes on as one request: one command, one decision.
        await host.Workflow.SendAsync(id, new CancelRequest(WorkflowHost.Rep, "the prospect signed elsewhere", DateTimeOffset.UtcNow), CancellationToken.None);
        await host.WaitAsync(id, s => s.State.Status == RequestStatus.Cancelled);
        Assert.Equal(["RequestSubmitted", "OwnerApprovalRequested", "RequestCancelled"], (await host.HistoryAsync(id)).Select(h => h.Type));
        Assert.NotEqual(OrchestrationRuntimeStatus.Failed, (await engine.GetInstanceAsync(id))?.RuntimeStatus);
    }

    /// <summary>A request in the history whose orchestration failed, as the engine's own confusion after a crash can leave it.</summary>
    private async Task<string> FailedRequestAsync()
    {
        var submission = WorkflowHost.Submission(await host.RankAsync(candidates: 1));
        var decider = new RequestDecider(new Domain.Policies.WorkflowPolicy());
        var submitted = decider.Decide(submission, RequestState.Initial);
        await host.Services.GetRequiredService<RequestStore>().AppendAsync(submission.RequestId, 0, "submit", submitted,
            submitted.Aggregate(RequestState.Initial, decider.Evolve), CancellationToken.None);
        var engine = host.Services.GetRequiredService<DurableTaskClient>();
        await engine.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.Orchestrator, "not a run", new StartOrchestrationOptions(submission.RequestId));
        await Eventually.HoldsAsync(async () => (await engine.GetInstanceAsync(submission.RequestId))?.RuntimeStatus == OrchestrationRuntimeStatus.Failed);
        return submission.RequestId;
    }

    [Fact]
    public async Task AnAnswerSentBeforeTheFirstDecisionIsRecordedStillArrives()
    {
        var id = await host.SubmitAsync();
        // Read at once: the state the submission leads to, whether or not its history is written yet.
        var early = (await host.Workflow.LoadAsync(id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, early.State.Status);

        var sent = await host.Workflow.SendAsync(id,
            new DecideAsOwner(early.State.Step!, early.State.Current!.Account.OwnerEmail, true, null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.IsType<CommandOutcome.Accepted>(sent);
        await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingReferenceConsent);
    }

    [Fact]
    public async Task TwentyConcurrentCommandsAreEachDecidedOnceAndNoneIsLost()
    {
        var id = await host.SubmitAsync();
        var asked = (await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval)).State;

        // One owner's approval among nineteen answers from people who may not decide: each is recorded, once.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.Workflow.SendAsync(id,
            new DecideAsOwner(asked.Step!, i == 7 ? asked.Current!.Account.OwnerEmail : $"someone{i}@elsewhere.example", true, null, DateTimeOffset.UtcNow),
            CancellationToken.None)));

        var done = await host.WaitAsync(id, s => s.State.LateAnswers == 19 && s.State.OwnerApproved);
        var history = await host.HistoryAsync(id);
        Assert.Single(history, h => h.Event is OwnerApproved);
        Assert.Equal(19, history.Count(h => h.Event is LateAnswerRecorded));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(history.Count, done.Version);
    }

    [Fact]
    public async Task ACommandTheStateRefusesIsRefusedAtOnceAndAnUnknownRequestIsNotFound()
    {
        var id = await host.SubmitAsync();
        await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);

        await Assert.ThrowsAsync<DomainException>(() => host.Workflow.SendAsync(id,
            new SubmitDebrief(true, true, null, null, null, WorkflowHost.Rep, DateTimeOffset.UtcNow), CancellationToken.None));
        var unknown = await host.Workflow.SendAsync("no-such-request", new CancelRequest(WorkflowHost.Rep, null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.IsType<CommandOutcome.NotFound>(unknown);
    }

    [Fact]
    public async Task TheSameSubmissionRacedFiveTimesCreatesOneRequest()
    {
        var id = await host.SubmitAsync();
        var first = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        var again = new SubmitRequest(Guid.NewGuid().ToString("N"), first.State.Intake!, WorkflowHost.Rep, WorkflowHost.Pm, await host.RankAsync(), DateTimeOffset.UtcNow);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.Workflow.SubmitAsync(again, CancellationToken.None)));

        Assert.Single(results, r => r.Created);
        await host.WaitAsync(again.RequestId, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);
        await Task.Delay(1500);
        Assert.Equal(2, (await host.HistoryAsync(again.RequestId)).Count);
    }

    [Fact]
    public async Task SubmittingTheSameIdAgainStartsNothingNew()
    {
        var id = await host.SubmitAsync();
        var first = await host.WaitAsync(id, s => s.State.Status == RequestStatus.AwaitingOwnerApproval);

        var again = await host.Workflow.SubmitAsync(
            new SubmitRequest(id, first.State.Intake!, WorkflowHost.Rep, WorkflowHost.Pm, first.State.Candidates, DateTimeOffset.UtcNow),
            CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal(RequestStatus.AwaitingOwnerApproval, again.State);
        await Task.Delay(1500);
        Assert.Equal(2, (await host.HistoryAsync(id)).Count);
        Assert.Single(host.Emails(id, nameof(EmailKind.OwnerApproval)));
    }
}

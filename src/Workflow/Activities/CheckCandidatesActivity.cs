using Microsoft.DurableTask;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>
/// Before the next owner is asked: reads the later candidates' accounts, their usage and who is busy as they are now,
/// and answers with the first candidate who may be asked, or a fresh match when none may (the request's next command).
/// </summary>
[DurableTask(WorkflowNames.CheckCandidates)]
public sealed class CheckCandidatesActivity(
    IReferenceDirectory directory, IUsageReader usage, DirectoryWithUsage everyone, BusyContacts busy, WorkflowPolicy policy)
    : TaskActivity<CandidateCheck, ChooseCandidate>
{
    public override async Task<ChooseCandidate> RunAsync(TaskActivityContext context, CandidateCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var accounts = new List<ReferenceAccount>();
        foreach (var referenceId in input.Remaining.Select(k => k.ReferenceId).Distinct(StringComparer.Ordinal))
        {
            if (await directory.GetAsync(referenceId, ct) is { } account) accounts.Add(account);
        }
        var used = await usage.ForContactsAsync(input.Remaining.Select(k => (k.ReferenceId, k.ContactId)), ct);
        var busyNow = await busy.GetAsync(ct);
        if (NextCandidate.Choose(input, accounts, UsageIndex.Build(used, input.At), busyNow, policy) is { } chosen)
        {
            return new ChooseCandidate(chosen, input.At);
        }
        // Nobody listed is free: match again over the directory as it is now.
        var now = await everyone.LoadAsync(ct);
        return new ChooseCandidate(null, input.At, NextCandidate.Fresh(input, now.Accounts, now.Usage, busyNow, policy));
    }
}

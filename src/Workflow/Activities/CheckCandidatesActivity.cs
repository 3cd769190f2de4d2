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
/// Before the next owner is asked: reads the later candidates' accounts, their usage and their holds as they are now,
/// and answers with the first candidate who may be asked, or a fresh match when none may (the request's next command).
/// The one chosen is held for the request before it answers; one another request got first is passed over. The answer
/// carries the owner's standing approval when it covers asking the one chosen. A request asking several at once
/// (decision 041) gets up to as many as it wants, each held.
/// </summary>
[DurableTask(WorkflowNames.CheckCandidates)]
public sealed class CheckCandidatesActivity(
    IReferenceDirectory directory, IUsageReader usage, DirectoryWithUsage everyone, ContactHolder holder, WorkflowPolicy policy)
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
        var used = UsageIndex.Build(await usage.ForContactsAsync(input.Remaining.Select(k => (k.ReferenceId, k.ContactId)), ct), input.At);
        var taken = await holder.TakenAmongAsync(input.Remaining, input.RequestId, ct);
        var chosen = new List<ParallelChoice>();
        while (chosen.Count < input.Wanted && NextCandidate.Choose(input, accounts, used, taken, policy) is { } index)
        {
            var contact = input.Listed[index];
            taken.Add(contact); // held now, or by another: either way not to be chosen again
            if (await HoldAsync(input, contact, ct)) chosen.Add(new ParallelChoice(index, StandingNow(input, accounts, contact)));
        }
        if (chosen.Count > 0)
        {
            return new ChooseCandidate(chosen[0].Index, input.At, Standing: chosen[0].Standing, Also: chosen.Count > 1 ? chosen[1..] : null);
        }

        // Nobody listed is free: match again over the directory as it is now, and ask the first of them who can be held.
        var now = await everyone.LoadAsync(ct);
        var ranked = await holder.RankFreeAsync((excluded, take) => NextCandidate.Fresh(input, now.Accounts, now.Usage, excluded, policy, take), Matcher.Candidates, input.Wanted, taken, input.RequestId, ct);
        var fresh = new List<Candidate>();
        var held = 0;
        foreach (var candidate in ranked)
        {
            // The ones wanted are held in ranked order (one another request got first is left out); the rest follow, unheld.
            if (held == input.Wanted) fresh.Add(candidate);
            else if (await HoldAsync(input, candidate.Key, ct)) { fresh.Add(candidate); held++; }
        }
        var also = Enumerable.Range(1, Math.Max(0, held - 1)).Select(i => new ParallelChoice(input.Listed.Count + i)).ToList();
        return new ChooseCandidate(null, input.At, fresh, Also: also.Count > 0 ? also : null);
    }

    // The owner's standing approval as the account reads now: one revoked since the ranking no longer counts.
    private static StandingApproval? StandingNow(CandidateCheck check, List<ReferenceAccount> accounts, ContactKey chosen) =>
        StandingApproval.Covering(accounts.First(a => a.ReferenceId == chosen.ReferenceId), chosen.ContactId, check.Intake.Activity,
            check.Intake.Topics, DateOnly.FromDateTime(check.At.UtcDateTime));

    // A check asked for before holds existed names no request: it is answered as it was then.
    private Task<bool> HoldAsync(CandidateCheck check, ContactKey contact, CancellationToken ct) =>
        check.RequestId is { } requestId ? holder.TryHoldAsync(requestId, contact, check.At, ct) : Task.FromResult(true);
}

using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// Moving on to the next candidate: the ranked list was a suggestion made at submission, not a hold, so each
/// later candidate is checked again at the moment they would be asked — still in the directory, agreeing to the
/// activity, consenting, not paused, under their cap, and not the current candidate of another open request.
/// </summary>
public static class NextCandidate
{
    /// <summary>The index (at or after <see cref="CandidateCheck.FromIndex"/>) of the first candidate who may be asked now, or null.</summary>
    public static int? Choose(
        CandidateCheck check, IReadOnlyList<ReferenceAccount> accounts, UsageIndex usage, IReadOnlySet<ContactKey> busy, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(busy);
        var today = DateOnly.FromDateTime(check.At.UtcDateTime);
        var remaining = check.Remaining;
        for (var i = 0; i < remaining.Count; i++)
        {
            var key = remaining[i];
            var account = accounts.FirstOrDefault(a => a.ReferenceId == key.ReferenceId);
            var contact = account?.Contacts.FirstOrDefault(c => c.ContactId == key.ContactId);
            if (account is null || contact is null || busy.Contains(key)) continue;
            if (!Eligibility.Passes(account, contact, check.Intake.Activity, today)) continue;
            if (!Eligibility.UnderCap(usage.For(key), contact, policy)) continue;
            return check.FromIndex + i;
        }
        return null;
    }

    /// <summary>
    /// When none of the listed candidates may be asked: a fresh match over the whole directory as it is now, leaving out
    /// everyone already listed and everyone busy, so the request goes on instead of ending with references to spare.
    /// </summary>
    public static IReadOnlyList<Candidate> Fresh(
        CandidateCheck check, IReadOnlyList<ReferenceAccount> directory, IEnumerable<ContactUsage> usage, IReadOnlySet<ContactKey> busy,
        WorkflowPolicy policy, int take = Matcher.Candidates)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(busy);
        var excluded = new HashSet<ContactKey>(busy);
        excluded.UnionWith(check.Listed);
        return Matcher.Rank(check.Intake, directory, usage, excluded, check.At, policy, take);
    }
}

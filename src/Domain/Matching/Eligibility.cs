using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>The hard filters that do not need usage: still in the program, activity agreed, consent valid, not paused.</summary>
public static class Eligibility
{
    public static bool Passes(ReferenceAccount account, ReferenceContact contact, Activity activity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        if (account.Status is AccountStatus.Retired or AccountStatus.Paused)
        {
            return false;
        }

        if (contact.LeftProgramOn is not null)
        {
            return false;
        }

        // No expiry on file means consent without an end date; an expired one must be renewed first.
        if (contact.ConsentExpires is { } expires && expires < today)
        {
            return false;
        }

        if (contact.PausedUntil is { } paused && paused > today)
        {
            return false;
        }

        for (var i = 0; i < contact.Activities.Count; i++)
        {
            if (contact.Activities[i] == activity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The contact's own cap, else the program's.</summary>
    public static int Cap(ReferenceContact contact, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(policy);
        return contact.MaxCallsPerQuarter ?? policy.MaxCallsPerQuarter;
    }
}

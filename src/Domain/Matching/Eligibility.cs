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

    /// <summary>
    /// Whether the contact may take another call this quarter: the one comparison of usage with the cap, for matching,
    /// moving on and holding alike.
    /// </summary>
    public static bool UnderCap(UsageSummary used, ReferenceContact contact, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return UnderCap(used, contact.MaxCallsPerQuarter, policy);
    }

    /// <summary>The same comparison where the contact's own cap (<paramref name="own"/>) was read apart, as the index does.</summary>
    public static bool UnderCap(UsageSummary used, int? own, WorkflowPolicy policy) => used.ThisQuarter < Cap(own, policy);

    /// <summary>The contact's own cap, else the program's.</summary>
    public static int Cap(ReferenceContact contact, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Cap(contact.MaxCallsPerQuarter, policy);
    }

    public static int Cap(int? own, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return own ?? policy.MaxCallsPerQuarter;
    }
}

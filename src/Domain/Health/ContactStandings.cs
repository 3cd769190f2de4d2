using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health;

/// <summary>
/// What the program knows of each contact beyond the directory, at one instant: its level and its fatigue, both
/// from the usage folded once into a <see cref="UsageIndex"/>.
/// </summary>
public sealed class ContactStandings(UsageIndex usage, WorkflowPolicy policy)
{
    public UsageSummary Usage(ReferenceAccount account, ReferenceContact contact)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        return usage.For(new ContactKey(account.ReferenceId, contact.ContactId));
    }

    public ReferenceLevel? Level(ReferenceAccount account, ReferenceContact contact) =>
        ReferenceLevels.Of(contact, Usage(account, contact));

    public ContactFatigue Fatigue(ReferenceAccount account, ReferenceContact contact) =>
        ContactFatigue.Of(contact, Usage(account, contact), policy);

    /// <summary>How many contacts of <paramref name="accounts"/> stand at each level (contacts without one are left out).</summary>
    public IReadOnlyDictionary<ReferenceLevel, int> CountByLevel(IEnumerable<ReferenceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var counts = Enum.GetValues<ReferenceLevel>().ToDictionary(l => l, _ => 0);
        foreach (var account in accounts)
        {
            foreach (var contact in account.Contacts)
            {
                if (Level(account, contact) is { } level) counts[level]++;
            }
        }

        return counts;
    }
}

using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The contacts this process chose for a request a moment ago and is about to reserve (decision 020). Submissions at the
/// same moment rank over the same busy set, so a burst of like requests would all choose the same best contact, all but
/// one would lose the reservation, and the losers would wait for the request's candidate check. A choice claimed here
/// first is passed over by the others' ranking before any storage call: the burst spreads over the best free contacts,
/// each asked for one request. The hold in storage keeps the last word across processes; a claim only lasts until the
/// busy set can show that hold.
/// </summary>
public sealed class ContactClaims(TimeProvider clock)
{
    /// <summary>Longer than any read of the busy set takes, so one that began before the hold was written has ended.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<ContactKey, DateTimeOffset> _claimed = [];

    /// <summary>
    /// Ranks with <paramref name="busy"/> and everyone claimed here left out, and claims the first contact ranked; ranks
    /// again when another submission claimed that contact in the meantime. Nobody ranked, nothing claimed.
    /// </summary>
    public IReadOnlyList<Candidate> RankAndClaimFirst(
        IReadOnlySet<ContactKey> busy, Func<IReadOnlySet<ContactKey>, IReadOnlyList<Candidate>> rank)
    {
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(rank);
        while (true)
        {
            var ranked = rank(BusyOrClaimed(busy));
            if (ranked is not [var first, ..] || TryClaim(first.Key)) return ranked;
        }
    }

    /// <summary>The contact was let go: the next submission may choose them at once.</summary>
    public void Drop(ContactKey contact)
    {
        lock (_lock)
        {
            _claimed.Remove(contact);
        }
    }

    private bool TryClaim(ContactKey contact)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_claimed.TryGetValue(contact, out var since) && now - since < Kept) return false;
            _claimed[contact] = now;
            return true;
        }
    }

    private HashSet<ContactKey> BusyOrClaimed(IReadOnlySet<ContactKey> busy)
    {
        var now = clock.GetUtcNow();
        var excluded = new HashSet<ContactKey>(busy);
        lock (_lock)
        {
            foreach (var (contact, since) in _claimed.ToList())
            {
                if (now - since < Kept) excluded.Add(contact);
                else _claimed.Remove(contact);
            }
        }
        return excluded;
    }
}

using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The one notion of a taken contact (decision 028): a contact is taken while a request holds them in
/// <see cref="ContactHolds"/>. Holding is a conditional write, then the contact's uses this quarter read again — a request
/// that finished a call with them writes its use before it lets them go, so the count read while holding is complete — so
/// no two requests ask one contact at once and nobody goes over their cap (decision 019). Rankings leave out the contacts
/// held among those they put first (point reads; a hold counts while its request's history says it stands), and those this
/// process chose or held a moment ago: submissions at the same moment would otherwise all choose the same best contact and
/// all but one lose it (decision 020), and each would read the others' fresh holds and their histories (decision 043).
/// A hold another request was found to have is not read again by this process's rankings for a moment (decision 048).
/// </summary>
public sealed class ContactHolder(
    ContactHolds holds, IUsageReader usage, IReferenceDirectory directory, RequestStore requests, WorkflowPolicy policy, TimeProvider clock)
{
    /// <summary>How long a contact chosen (and then held) here stays left out of this process's rankings: longer than choosing to holding takes.</summary>
    public static readonly TimeSpan ChosenKept = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a hold whose request has no history yet stands: a submission holds its first contact before it records
    /// itself, so until then the hold is its own; one still without a history after this never started.
    /// </summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a contact a ranking found held by another request stays out of this process's rankings without its hold
    /// being read again (decision 048): like submissions at the same moment read such a hold about once, not once each.
    /// A moment: a ranking's read is no fresher than that by the time its request asks.
    /// </summary>
    public static readonly TimeSpan HeldSeenKept = TimeSpan.FromSeconds(2);

    // Each round reads the holds of the contacts ranked first, doubling how far down it looks, up to this many at once.
    private const int WidestLook = 160;

    private readonly Lock _lock = new();
    private readonly Dictionary<ContactKey, DateTimeOffset> _chosen = [];
    private readonly Dictionary<ContactKey, (string Holder, DateTimeOffset Since)> _heldSeen = [];

    /// <summary>True when <paramref name="contact"/> is now held for <paramref name="requestId"/> and under their cap.</summary>
    public async Task<bool> TryHoldAsync(string requestId, ContactKey contact, DateTimeOffset at, CancellationToken ct)
    {
        var held = false;
        try
        {
            if (!await holds.TryHoldAsync(contact, requestId, hold => StandsAsync(hold, ct), ct)) return false;
            if (await UnderCapAsync(requestId, contact, at, ct)) return held = true;
            await holds.ReleaseAsync(contact, requestId, ct);
            return false;
        }
        finally
        {
            // Not held: the next ranking may choose them at once. Held: this process's rankings go on leaving them out for
            // the rest of ChosenKept without asking storage, which in a burst of like submissions saves every later one
            // reading this hold and its request's history (letting them go here forgets them at once).
            if (!held) Forget(contact);
        }
    }

    /// <summary>Lets <paramref name="contact"/> go, if <paramref name="requestId"/> holds them; the next request may choose them at once.</summary>
    public async Task ReleaseAsync(ContactKey contact, string requestId, CancellationToken ct)
    {
        await holds.ReleaseAsync(contact, requestId, ct);
        Forget(contact);
    }

    /// <summary>
    /// The best <paramref name="take"/> candidates <paramref name="rank"/> gives with <paramref name="taken"/> left out, of
    /// which the first <paramref name="asked"/> are neither held by another request (by a hold that stands) nor chosen here
    /// a moment ago; the first is marked as chosen. The others are not asked about: the candidate check asks about them when
    /// the request reaches them, as it must then anyway. Only the contacts ranked first are asked about, so the cost does not
    /// grow with the number of open requests, only with how many of them hold contacts this request would rank first.
    /// <paramref name="requestId"/>'s own holds do not count as taken.
    /// </summary>
    public async Task<IReadOnlyList<Candidate>> RankFreeAsync(
        Func<IReadOnlySet<ContactKey>, int, IReadOnlyList<Candidate>> rank, int take, int asked, IEnumerable<ContactKey> taken, string? requestId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var excluded = new HashSet<ContactKey>(taken);
        var free = new HashSet<ContactKey>();
        var window = take;
        var looked = asked;
        while (true)
        {
            var ranked = RankAndChooseFirst(excluded, requestId, left => rank(left, window));
            // A contact found free in an earlier round is not asked about again.
            var unknown = ranked.Take(looked).Select(c => c.Key).Where(k => !free.Contains(k)).ToList();
            var holds = unknown.Count == 0 ? [] : await HeldByOthersAsync(unknown, requestId, ct);
            if (holds.Count == 0) return [.. ranked.Take(take)];
            var held = SeenHeld(holds);
            free.UnionWith(unknown.Where(k => !held.Contains(k)));
            // This round's choice is this ranking's own: the next round chooses again, or it would pass over its own choice.
            Unchoose(ranked[0].Key);
            excluded.UnionWith(held);
            // Many like requests open hold the contacts ranked first: each round looks twice as far down as the last (a few
            // rounds, not one per hold), and reads about twice the holds above the first free contact, not a whole window.
            window = Math.Min(window * 2, WidestLook);
            looked = Math.Min(looked * 2, WidestLook);
        }
    }

    /// <summary>Those of <paramref name="contacts"/> another request than <paramref name="requestId"/> holds now.</summary>
    public async Task<HashSet<ContactKey>> TakenAmongAsync(IEnumerable<ContactKey> contacts, string? requestId, CancellationToken ct) =>
        [.. (await HeldByOthersAsync(contacts, requestId, ct)).Select(h => h.Contact)];

    private async Task<List<ContactHold>> HeldByOthersAsync(IEnumerable<ContactKey> contacts, string? requestId, CancellationToken ct)
    {
        var held = new List<ContactHold>();
        foreach (var hold in await holds.AmongAsync(contacts, ct))
        {
            if (hold.RequestId != requestId && await StandsAsync(hold, ct)) held.Add(hold);
        }
        return held;
    }

    /// <summary>Notes <paramref name="found"/> as held for <see cref="HeldSeenKept"/>; returns their contacts.</summary>
    private HashSet<ContactKey> SeenHeld(IReadOnlyList<ContactHold> found)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var hold in found) _heldSeen[hold.Contact] = (hold.RequestId, now);
        }
        return [.. found.Select(h => h.Contact)];
    }

    /// <summary>
    /// The requests holding <paramref name="contacts"/> now, each as its history tells it (a hold whose history let the
    /// contact go, or that has no history yet, is left out): who to tell when a contact leaves, and the calls they booked.
    /// </summary>
    public async Task<IReadOnlyList<(ContactHold Hold, RequestState Holder)>> HoldersAsync(IEnumerable<ContactKey> contacts, CancellationToken ct)
    {
        var holders = new List<(ContactHold, RequestState)>();
        foreach (var hold in await holds.AmongAsync(contacts, ct))
        {
            if (await requests.LoadAsync(hold.RequestId, ct) is { } holder && holder.State.StillHolds(hold.Contact))
            {
                holders.Add((hold, holder.State));
            }
        }
        return holders;
    }

    private IReadOnlyList<Candidate> RankAndChooseFirst(
        HashSet<ContactKey> excluded, string? requestId, Func<IReadOnlySet<ContactKey>, IReadOnlyList<Candidate>> rank)
    {
        while (true)
        {
            var ranked = rank(LeftOut(excluded, requestId));
            if (ranked is not [var first, ..] || TryChoose(first.Key)) return ranked;
        }
    }

    private bool TryChoose(ContactKey contact)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_chosen.TryGetValue(contact, out var since) && now - since < ChosenKept) return false;
            _chosen[contact] = now;
            return true;
        }
    }

    /// <summary><paramref name="excluded"/>, the contacts chosen here a moment ago, and those another request than
    /// <paramref name="requestId"/> was just found holding.</summary>
    private HashSet<ContactKey> LeftOut(IReadOnlySet<ContactKey> excluded, string? requestId)
    {
        var now = clock.GetUtcNow();
        var all = new HashSet<ContactKey>(excluded);
        lock (_lock)
        {
            foreach (var (contact, since) in _chosen.ToList())
            {
                if (now - since < ChosenKept) all.Add(contact);
                else _chosen.Remove(contact);
            }
            foreach (var (contact, (holder, since)) in _heldSeen.ToList())
            {
                if (now - since >= HeldSeenKept) _heldSeen.Remove(contact);
                else if (holder != requestId) all.Add(contact);
            }
        }
        return all;
    }

    private async Task<bool> UnderCapAsync(string requestId, ContactKey contact, DateTimeOffset at, CancellationToken ct)
    {
        // The directory as matching read it a moment ago, at its current version: a burst shares one look at the version.
        var person = (await directory.SnapshotAsync(ct)).Find(contact.ReferenceId)?.Contacts.FirstOrDefault(c => c.ContactId == contact.ContactId);
        if (person is null) return false; // left the directory since the match
        var uses = await usage.ForContactsAsync([(contact.ReferenceId, contact.ContactId)], ct);
        // This request's own use (a rerun after its call) is not another request's.
        return Eligibility.UnderCap(UsageIndex.Build(uses.Where(u => u.RequestId != requestId), at).For(contact), person, policy);
    }

    /// <summary>
    /// Whether <paramref name="hold"/> still stands, by its request's history: the row is deleted only once the decision
    /// that let the contact go is carried out, a moment (or, with its orchestration stalled, much longer) after the
    /// history says so. The history is the truth (decision 025), so a contact it let go is free at once.
    /// </summary>
    private async Task<bool> StandsAsync(ContactHold hold, CancellationToken ct) =>
        await requests.LoadAsync(hold.RequestId, ct) is { } holder
            ? holder.State.StillHolds(hold.Contact)
            : clock.GetUtcNow() - hold.Since < Abandoned;

    /// <summary>
    /// <paramref name="contacts"/>, let go by a decision just recorded in this process, are free to this process's next
    /// ranking at once: their rows go when the decision is carried out, a moment later (decision 043).
    /// </summary>
    public void Forget(IEnumerable<ContactKey> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        foreach (var contact in contacts) Forget(contact);
    }

    private void Unchoose(ContactKey contact)
    {
        lock (_lock)
        {
            _chosen.Remove(contact);
        }
    }

    private void Forget(ContactKey contact)
    {
        lock (_lock)
        {
            _chosen.Remove(contact);
            _heldSeen.Remove(contact);
        }
    }
}

using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// The contacts open requests hold right now (each request's current candidate): the held rows of the summaries, and the
/// holds too recent for the summaries to show (decision 019). Submissions at the same moment share one read: a hold
/// written a few milliseconds before is as likely missed by a read of one's own, and the hold itself has the last word.
/// </summary>
public sealed class BusyContacts
{
    private readonly SharedRead<IReadOnlySet<ContactKey>> _held;

    public BusyContacts(ISummaryReader summaries, ContactHolds holds) =>
        _held = new SharedRead<IReadOnlySet<ContactKey>>(async () =>
        {
            var recent = holds.RecentAsync(CancellationToken.None);
            var busy = Keys(await summaries.HeldAsync(null, CancellationToken.None));
            busy.UnionWith(await recent);
            return busy;
        });

    public Task<IReadOnlySet<ContactKey>> GetAsync(CancellationToken ct) => _held.ReadAsync(ct);

    // Only the rows of contacts held now are read, however many requests there were.
    private static HashSet<ContactKey> Keys(IReadOnlyList<HeldContact> held) =>
        held
            .SelectMany(h => h.Reserved.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(k => k.Split('/', 2))
            .Where(p => p.Length == 2)
            .Select(p => new ContactKey(p[0], p[1]))
            .ToHashSet();
}

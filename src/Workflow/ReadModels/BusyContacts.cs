using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// The contacts open requests hold right now (each request's current candidate), from the held rows of the summaries.
/// Submissions at the same moment share one read: a hold written a few milliseconds before is as likely missed by a
/// read of one's own, and the candidate check looks again before anyone is asked after the first.
/// </summary>
public sealed class BusyContacts
{
    private readonly SharedRead<IReadOnlySet<ContactKey>> _held;

    public BusyContacts(ISummaryReader summaries) =>
        _held = new SharedRead<IReadOnlySet<ContactKey>>(async () => Keys(await summaries.HeldAsync(null, CancellationToken.None)));

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

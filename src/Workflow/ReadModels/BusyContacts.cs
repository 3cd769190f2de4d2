using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The contacts open requests hold right now (each request's current candidate), from the held rows of the summaries.</summary>
public sealed class BusyContacts(ISummaryReader summaries)
{
    public async Task<IReadOnlySet<ContactKey>> GetAsync(CancellationToken ct)
    {
        // Only the rows of contacts held now are read, however many requests there were.
        var held = await summaries.HeldAsync(null, ct);
        return held
            .SelectMany(h => h.Reserved.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(k => k.Split('/', 2))
            .Where(p => p.Length == 2)
            .Select(p => new ContactKey(p[0], p[1]))
            .ToHashSet();
    }
}

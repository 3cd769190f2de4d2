using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The contacts open requests hold right now (each request's current candidate), from the request summaries.</summary>
public sealed class BusyContacts(ISummaryReader summaries)
{
    public async Task<IReadOnlySet<ContactKey>> GetAsync(CancellationToken ct)
    {
        // Only open requests hold anyone; the table service filters, so nothing is left out however many there are.
        var rows = await summaries.QueryAsync(new SummaryQuery(Open: true), ct);
        return rows
            .SelectMany(r => (r.GetString(RequestSummaryProjector.Reserved) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(k => k.Split('/', 2))
            .Where(p => p.Length == 2)
            .Select(p => new ContactKey(p[0], p[1]))
            .ToHashSet();
    }
}

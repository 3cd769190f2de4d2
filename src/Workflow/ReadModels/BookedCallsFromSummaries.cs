using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The reference calls ReferenceFlow itself booked, from the request summaries: a contact is never double-booked.</summary>
public sealed class BookedCallsFromSummaries(ISummaryReader summaries) : IBookedCalls
{
    public async Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var rows = await summaries.QueryAsync(new SummaryQuery(Open: true, ContactEmail: email), cancellationToken);
        return rows
            .Select(r => (Start: r.Properties.GetValueOrDefault(RequestSummaryProjector.SlotStart), End: r.Properties.GetValueOrDefault(RequestSummaryProjector.SlotEnd)))
            .Where(s => s.Start is DateTimeOffset && s.End is DateTimeOffset)
            .Select(s => new BusyInterval((DateTimeOffset)s.Start!, (DateTimeOffset)s.End!))
            .Where(b => b.Overlaps(from, to))
            .ToList();
    }
}

using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The reference calls ReferenceFlow itself booked, from the held rows of the summaries: a contact is never double-booked.</summary>
public sealed class BookedCallsFromSummaries(ISummaryReader summaries) : IBookedCalls
{
    public async Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var held = await summaries.HeldAsync(email, cancellationToken);
        return held
            .Where(h => h.SlotStart is not null && h.SlotEnd is not null)
            .Select(h => new BusyInterval(h.SlotStart!.Value, h.SlotEnd!.Value))
            .Where(b => b.Overlaps(from, to))
            .ToList();
    }
}

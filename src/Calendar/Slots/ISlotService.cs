using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

/// <summary>The FindSlot effect handler's entry point.</summary>
public interface ISlotService
{
    /// <summary>
    /// Reads the reference's availability from the configured <see cref="ICalendarProvider"/> and proposes the
    /// earliest suitable slot (see <see cref="SlotFinder"/>). When the calendar cannot answer for this mailbox,
    /// the slot is found from working hours alone and a warning is logged.
    /// </summary>
    Task<ProposedSlot> FindAsync(SlotRequest request, CancellationToken cancellationToken);
}

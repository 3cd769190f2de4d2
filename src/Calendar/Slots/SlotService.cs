using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

public sealed partial class SlotService(ICalendarProvider calendar, ILogger<SlotService> logger) : ISlotService
{
    /// <summary>What a contact's address reads as in logs.</summary>
    private const string Someone = "the reference";

    public async Task<ProposedSlot> FindAsync(SlotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CalendarAvailability availability;
        try
        {
            availability = await calendar.GetBusyAsync(request.ReferenceEmail, request.ReferenceTimeZone,
                request.WindowStart, request.WindowEnd + SlotFinder.Horizon, cancellationToken).ConfigureAwait(false);
        }
        catch (CalendarUnavailableException ex)
        {
            // Contacts' addresses stay out of logs. The reason stays, without the address the source may echo back
            // (Graph names the mailbox); the exception itself is not logged, as its message and inner errors carry it.
            LogUnknownAvailability(logger, ex.Code, ex.Message.Replace(request.ReferenceEmail.Trim(), Someone, StringComparison.OrdinalIgnoreCase));
            availability = CalendarAvailability.Unknown;
        }
        return SlotFinder.Find(request, availability);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reference's availability is unknown ({Code}: {Reason}); proposing a slot from working hours alone")]
    private static partial void LogUnknownAvailability(ILogger logger, string? code, string reason);
}

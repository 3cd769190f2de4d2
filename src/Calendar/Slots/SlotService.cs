using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

public sealed partial class SlotService(ICalendarProvider calendar, ILogger<SlotService> logger) : ISlotService
{
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
            LogUnknownAvailability(logger, ex, request.ReferenceEmail, ex.Code);
            availability = CalendarAvailability.Unknown;
        }
        return SlotFinder.Find(request, availability);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Availability of {Email} is unknown ({Code}); proposing a slot from working hours alone")]
    private static partial void LogUnknownAvailability(ILogger logger, Exception exception, string email, string? code);
}

using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Slots;

/// <summary>
/// Picks the call slot, pure. Inside the window: the earliest start (quarter-hour grid) that is free and in both
/// parties' working hours, else the earliest in the reference's hours alone. A call is inside the window when it starts
/// inside it, as "a time in the next 24 hours" reads; it may end after. Nothing inside → the earliest start after it
/// (both parties' hours preferred within <see cref="PreferBothAfterWindow"/>), marked InsideWindow=false, so a slot
/// outside the window never starts before the window ends.
/// Every check converts instants to each party's zone, so DST changes and weekends fall out of the zone rules.
/// </summary>
public static class SlotFinder
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan PreferBothAfterWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    public static ProposedSlot Find(SlotRequest request, CalendarAvailability reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        if (request.Duration <= TimeSpan.Zero || request.Duration > TimeSpan.FromHours(12))
        {
            throw new ArgumentException($"A call of {request.Duration} cannot be scheduled.", nameof(request));
        }
        if (request.WindowEnd <= request.WindowStart)
        {
            throw new ArgumentException("The slot window ends before it starts.", nameof(request));
        }
        var referenceHours = new PartyHours(reference.WorkingHours ?? request.ReferenceHours, Zones.Find(reference.WorkingTimeZone ?? request.ReferenceTimeZone));
        var prospectHours = new PartyHours(request.ProspectHours, Zones.Find(request.ProspectTimeZone));
        var busy = reference.Busy.OrderBy(b => b.Start).ToList();
        var duration = request.Duration;

        bool Usable(DateTimeOffset start) =>
            referenceHours.Contains(start, start + duration) && !busy.Any(b => b.Overlaps(start, start + duration));

        var first = CeilToStep(request.WindowStart);
        var inside = Starts(first, request.WindowEnd - TimeSpan.FromTicks(1)).Where(Usable).ToList();
        var chosen = inside.FirstOrDefault(s => prospectHours.Contains(s, s + duration), default);
        if (chosen != default || inside.Count > 0)
        {
            var start = chosen != default ? chosen : inside[0];
            return new ProposedSlot(start, start + duration, InsideWindow: true);
        }

        var afterStart = CeilToStep(request.WindowEnd);
        var after = Starts(afterStart, request.WindowEnd + Horizon).Where(Usable);
        var earliest = after.FirstOrDefault();
        if (earliest == default)
        {
            throw new InvalidOperationException($"No free slot of {duration} in the reference's working hours within {Horizon.TotalDays} days after the window.");
        }
        var both = Starts(earliest, request.WindowEnd + PreferBothAfterWindow).Where(Usable).FirstOrDefault(s => prospectHours.Contains(s, s + duration));
        var pick = both != default ? both : earliest;
        return new ProposedSlot(pick, pick + duration, InsideWindow: false);
    }

    private static IEnumerable<DateTimeOffset> Starts(DateTimeOffset first, DateTimeOffset last)
    {
        for (var start = first; start <= last; start += Step)
        {
            yield return start;
        }
    }

    private static DateTimeOffset CeilToStep(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var remainder = utc.UtcTicks % Step.Ticks;
        return remainder == 0 ? utc : utc.AddTicks(Step.Ticks - remainder);
    }
}

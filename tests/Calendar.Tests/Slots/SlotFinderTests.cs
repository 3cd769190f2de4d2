using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Tests.Slots;

public sealed class SlotFinderTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static SlotRequest Request(string referenceZone, string prospectZone, DateTimeOffset windowStart, double windowHours = 24) =>
        new("marie@contoso.example", referenceZone, WorkingHours.Default, prospectZone, WorkingHours.Default,
            windowStart, windowStart.AddHours(windowHours), HalfHour);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ProposedSlot Find(SlotRequest request, params BusyInterval[] busy) => SlotFinder.Find(request, new CalendarAvailability(busy));

    [Fact]
    public void GivenAFreeMorningWhenTheWindowOpensAtNineThenTheSlotIsNineOClock()
    {
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 24, 8)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 24, 8), Utc(2026, 11, 24, 8, 30), true), slot);
    }

    [Fact]
    public void GivenAMeetingThenTheSlotStartsWhenItEnds()
    {
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 24, 8)), new BusyInterval(Utc(2026, 11, 24, 7, 30), Utc(2026, 11, 24, 9, 20)));

        Assert.Equal(Utc(2026, 11, 24, 9, 30), slot.Start);
    }

    [Fact]
    public void GivenAWindowOpeningOffTheQuarterHourThenTheSlotStartsOnTheNextQuarter()
    {
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 24, 8, 7)));

        Assert.Equal(Utc(2026, 11, 24, 8, 15), slot.Start);
    }

    [Fact]
    public void GivenAFridayEveningWindowThenTheSlotIsMondayMorningAndSaidToBeOutsideTheWindow()
    {
        // Friday 16:45 Paris: a half-hour call would end after 17:00, and the window ends on Saturday.
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 27, 15, 45)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 30, 8), Utc(2026, 11, 30, 8, 30), false), slot);
    }

    [Fact]
    public void GivenACallStartingInTheWindowsLastQuarterHourThenItIsInsideTheWindowThoughItEndsAfter()
    {
        // The window opens on Monday at 08:10 UTC and Monday is fully booked. Tuesday 09:00 Paris (08:00 UTC) starts 23 h 50 min
        // into the 24-hour window: it is "in the next 24 hours" as the introduction says, not "after" them.
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 23, 8, 10)), new BusyInterval(Utc(2026, 11, 23, 7), Utc(2026, 11, 24, 8)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 24, 8), Utc(2026, 11, 24, 8, 30), true), slot);
    }

    [Fact]
    public void GivenNothingStartsInsideTheWindowThenTheSlotStartsAfterItsEnd()
    {
        // Booked until Tuesday 08:15 UTC: nothing starts before the window ends at 08:10, so the slot is after it.
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 23, 8, 10)), new BusyInterval(Utc(2026, 11, 23, 7), Utc(2026, 11, 24, 8, 15)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 24, 8, 15), Utc(2026, 11, 24, 8, 45), false), slot);
    }

    [Fact]
    public void GivenTheSpringChangeInParisThenMondayNineIsSevenUtc()
    {
        // Summer time starts on Sunday 28 March 2027: Friday 09:00 was 08:00 UTC, Monday 09:00 is 07:00 UTC.
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2027, 3, 26, 16, 30)));

        Assert.Equal(new ProposedSlot(Utc(2027, 3, 29, 7), Utc(2027, 3, 29, 7, 30), false), slot);
    }

    [Fact]
    public void GivenTheAutumnChangeInParisThenMondayNineIsEightUtc()
    {
        // Winter time starts on Sunday 25 October 2026.
        var slot = Find(Request("Europe/Paris", "Europe/Paris", Utc(2026, 10, 25, 0), windowHours: 36));

        Assert.Equal(new ProposedSlot(Utc(2026, 10, 26, 8), Utc(2026, 10, 26, 8, 30), true), slot);
    }

    [Theory]
    [InlineData(2027, 3, 13, 2027, 3, 15, 13)] // daylight time from Sunday 14 March: 09:00 EDT = 13:00 UTC
    [InlineData(2026, 10, 31, 2026, 11, 2, 14)] // standard time from Sunday 1 November: 09:00 EST = 14:00 UTC
    public void GivenAWeekendAcrossNewYorksClockChangeThenMondayNineFollowsTheNewOffset(int y, int m, int d, int ey, int em, int ed, int utcHour)
    {
        var slot = Find(Request("America/New_York", "America/New_York", Utc(y, m, d, 12), windowHours: 72));

        Assert.Equal(new ProposedSlot(Utc(ey, em, ed, utcHour), Utc(ey, em, ed, utcHour, 30), true), slot);
    }

    [Fact]
    public void GivenTokyoAndLosAngelesInWinterThenTheirOneSharedHourIsChosenOverAnEarlierTokyoOnlySlot()
    {
        // Monday 09:00 in Tokyo is Sunday 16:00 in Los Angeles. The shared hour is Tokyo 09:00-10:00 Tue-Fri = LA 16:00-17:00 Mon-Thu (PST).
        var slot = Find(Request("Asia/Tokyo", "America/Los_Angeles", Utc(2026, 11, 23, 0), windowHours: 48));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 24, 0), Utc(2026, 11, 24, 0, 30), true), slot);
    }

    [Fact]
    public void GivenTokyoAndLosAngelesInSummerWithNoSharedHourThenTheReferencesHoursDecide()
    {
        // With daylight time in Los Angeles (UTC-7) the working days no longer overlap at all.
        var slot = Find(Request("Asia/Tokyo", "America/Los_Angeles", Utc(2027, 6, 14, 0), windowHours: 48));

        Assert.Equal(new ProposedSlot(Utc(2027, 6, 14, 0), Utc(2027, 6, 14, 0, 30), true), slot);
    }

    [Fact]
    public void GivenTheSharedHourIsBusyThenTheReferencesNextFreeTimeInTheWindowIsChosen()
    {
        var slot = Find(Request("Asia/Tokyo", "America/Los_Angeles", Utc(2026, 11, 24, 0), windowHours: 8),
            new BusyInterval(Utc(2026, 11, 24, 0), Utc(2026, 11, 24, 1)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 24, 1), Utc(2026, 11, 24, 1, 30), true), slot);
    }

    [Fact]
    public void GivenABusyWindowThenTheEarliestSlotAfterItPrefersBothParties()
    {
        // Tokyo is busy all Tuesday; Wednesday 09:00 Tokyo is Tuesday 16:00 in Los Angeles, inside both working days.
        var slot = Find(Request("Asia/Tokyo", "America/Los_Angeles", Utc(2026, 11, 24, 0), windowHours: 8),
            new BusyInterval(Utc(2026, 11, 23, 23), Utc(2026, 11, 24, 9)));

        Assert.Equal(new ProposedSlot(Utc(2026, 11, 25, 0), Utc(2026, 11, 25, 0, 30), false), slot);
    }

    [Fact]
    public void GivenWorkingHoursFromTheCalendarThenTheyOverrideTheProfile()
    {
        var request = Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 24, 8));
        var availability = new CalendarAvailability([], new WorkingHours(new TimeOnly(14, 0), new TimeOnly(18, 0)), "Europe/Paris");

        var slot = SlotFinder.Find(request, availability);

        Assert.Equal(Utc(2026, 11, 24, 13), slot.Start);
    }

    [Fact]
    public void AnUnknownTimeZoneIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => Find(Request("Mars/Olympus_Mons", "Europe/Paris", Utc(2026, 11, 24, 8))));

        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyCallOrAnInvertedWindowIsRefused()
    {
        var request = Request("Europe/Paris", "Europe/Paris", Utc(2026, 11, 24, 8));

        Assert.Throws<ArgumentException>(() => Find(request with { Duration = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => Find(request with { WindowEnd = request.WindowStart.AddHours(-1) }));
    }
}

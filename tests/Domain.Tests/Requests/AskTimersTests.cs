using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>The owner's and the reference's timers fit the time a request has left (all asked on Wednesday 18 Nov 2026, 10:00 UTC).</summary>
public sealed class AskTimersTests
{
    private static readonly WorkflowPolicy Policy = new();
    private static readonly DateTimeOffset Wednesday = Sample.Now;

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ThirtyDaysAheadKeepsThePolicysBusinessDays()
    {
        var times = AskTimers.ForOwner(Wednesday, new DateOnly(2026, 12, 18), Policy);

        // Reminder Thursday, escalation Friday, timeout Monday: the weekend does not count.
        Assert.Equal(new OwnerAskTimes(Utc(19, 10), Utc(20, 10), Utc(23, 10)), times);
        Assert.False(times.EscalateNow);
    }

    [Fact]
    public void FiveDaysAheadGivesTheOwnerTheFirstHalfOfTheWorkingTimeLeft()
    {
        // Until the end of Monday 23: Wednesday 7 h, Thursday, Friday and Monday 8 h each = 31 h; the owner gets 15 h 30.
        var times = AskTimers.ForOwner(Wednesday, new DateOnly(2026, 11, 23), Policy);

        Assert.Equal(new OwnerAskTimes(Utc(18, 15, 10), Utc(19, 12, 20), Utc(20, 9, 30), Squeezed: true), times);
    }

    [Fact]
    public void TwoDaysAheadFitsReminderEscalationAndMoveOnBeforeTheNeedByDate()
    {
        // Until the end of Friday 20: 7 + 8 + 8 = 23 working hours; the owner gets 11 h 30, reminded after a third, escalated after two.
        var neededBy = new DateOnly(2026, 11, 20);

        var times = AskTimers.ForOwner(Wednesday, neededBy, Policy);

        Assert.Equal(new OwnerAskTimes(Utc(18, 13, 50), Utc(19, 9, 40), Utc(19, 13, 30), Squeezed: true), times);
        Assert.True(times.TimeoutAt < AskTimers.Deadline(neededBy, Policy));
    }

    [Fact]
    public void NeededTodayLeavesNoTimeToWaitForTheOwner()
    {
        // 7 working hours left today: half of it is less than the least time an owner is given to answer.
        var times = AskTimers.ForOwner(Wednesday, new DateOnly(2026, 11, 18), Policy);

        Assert.True(times.EscalateNow);
        Assert.Null(times.RemindAt);
        Assert.Equal(Utc(18, 14), times.TimeoutAt);
    }

    [Fact]
    public void ANeedByDateAlreadyPastEscalatesAtOnceAndStillMovesOnInWorkingHours()
    {
        var friday = Utc(20, 16);

        var times = AskTimers.ForOwner(friday, new DateOnly(2026, 11, 19), Policy);

        Assert.True(times.EscalateNow);
        Assert.Equal(Utc(23, 12), times.TimeoutAt); // Friday's last hour, then three on Monday
    }

    [Fact]
    public void FittedTimesAreCountedInTheBusinessZonesWorkingHours()
    {
        // Friday 16:00 UTC is 17:00 in Paris, after hours. Until the end of Tuesday 24 (Paris): Monday and Tuesday, 16 h;
        // the owner gets Monday, reminded 09:00 + 2 h 40 and escalated + 5 h 20, Paris time.
        var paris = Policy with { BusinessTimeZone = "Europe/Paris" };

        var times = AskTimers.ForOwner(Utc(20, 16), new DateOnly(2026, 11, 24), paris);

        Assert.Equal(new OwnerAskTimes(Utc(23, 10, 40), Utc(23, 13, 20), Utc(23, 16), Squeezed: true), times);
    }

    [Fact]
    public void WithoutBusinessHoursTheTimeLeftIsClockTime()
    {
        // 62 hours until the end of Friday: the owner gets 31.
        var times = AskTimers.ForOwner(Wednesday, new DateOnly(2026, 11, 20), Policy with { UseBusinessHours = false });

        Assert.Equal(new OwnerAskTimes(Utc(18, 20, 20), Utc(19, 6, 40), Utc(19, 17), Squeezed: true), times);
    }

    [Fact]
    public void AFittedTimeIsNeverLaterThanThePolicysOwn()
    {
        // Demonstration settings: seconds, not days. They fit any need-by date and stay as they are.
        var quick = Policy with { OwnerReminderAfter = TimeSpan.FromSeconds(10), OwnerEscalateAfter = TimeSpan.FromSeconds(20), OwnerApprovalTimeout = TimeSpan.FromSeconds(30) };

        var times = AskTimers.ForOwner(Wednesday, new DateOnly(2026, 11, 19), quick);

        Assert.Equal(new OwnerAskTimes(Wednesday.AddSeconds(10), Wednesday.AddSeconds(20), Wednesday.AddSeconds(30)), times);
    }

    [Fact]
    public void TheReferenceGetsHalfOfWhatIsLeftInTheirOwnWorkingHours()
    {
        // Asked Thursday 12:30 UTC (13:30 in Paris), needed by Friday: 3 h 30 + 8 h left in Paris; half is 5 h 45.
        var timeout = AskTimers.ConsentTimeout(Utc(19, 12, 30), new DateOnly(2026, 11, 20), "Europe/Paris", WorkingHours.Default, Policy);

        Assert.Equal(Utc(20, 10, 15), timeout);
    }

    [Fact]
    public void AReferenceAskedWithAMonthLeftHasThePolicysThreeBusinessDays() =>
        Assert.Equal(Utc(23, 10), AskTimers.ConsentTimeout(Wednesday, new DateOnly(2026, 12, 18), "UTC", WorkingHours.Default, Policy));

    [Fact]
    public void AReferenceIsGivenTheMinimumEvenWhenNothingIsLeft() =>
        Assert.Equal(Utc(18, 14), AskTimers.ConsentTimeout(Wednesday, new DateOnly(2026, 11, 17), "UTC", WorkingHours.Default, Policy));
}

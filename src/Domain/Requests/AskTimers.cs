using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// When an ask is reminded, escalated and given up: the policy's delays, unless they would leave the rest of the request no
/// room before its need-by date. Then they are fitted into the working time left until the end of that day (in the
/// business zone): the owner's answer gets the first half of it, the reference's the first half of what is left when
/// they are asked; the other half is for what follows, the call included. A fitted time is never earlier than the
/// minimums below, nor later than the policy's own. When even the minimum answer time does not fit, nobody waits for
/// the owner: the program manager hears at once.
/// </summary>
public static class AskTimers
{
    public static readonly TimeSpan MinimumReminder = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinimumEscalation = TimeSpan.FromHours(2);

    /// <summary>The least time an owner or a reference is given to answer; less than this is no time to wait.</summary>
    public static readonly TimeSpan MinimumAnswerTime = TimeSpan.FromHours(4);

    public static OwnerAskTimes ForOwner(DateTimeOffset at, DateOnly neededBy, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var clock = new Clock(policy.BusinessTimeZone, WorkingHours.Default, policy.UseBusinessHours);
        var remind = clock.AddPolicy(at, policy.OwnerReminderAfter);
        var escalate = clock.AddPolicy(at, policy.OwnerEscalateAfter);
        var timeout = clock.AddPolicy(at, policy.OwnerApprovalTimeout);
        var budget = clock.Between(at, Deadline(neededBy, policy)) / 2;
        if (timeout <= clock.Add(at, budget))
        {
            return new OwnerAskTimes(remind, escalate, timeout);
        }

        if (budget < MinimumAnswerTime)
        {
            return new OwnerAskTimes(null, null, Earlier(timeout, clock.Add(at, MinimumAnswerTime)), Squeezed: true);
        }

        return new OwnerAskTimes(
            Earlier(remind, clock.Add(at, Longer(MinimumReminder, Part(budget, policy.OwnerReminderAfter, policy.OwnerApprovalTimeout)))),
            Earlier(escalate, clock.Add(at, Longer(MinimumEscalation, Part(budget, policy.OwnerEscalateAfter, policy.OwnerApprovalTimeout)))),
            clock.Add(at, budget), Squeezed: true);
    }

    /// <summary>When a reference who has not answered is passed over, counted in their own working hours.</summary>
    public static DateTimeOffset ConsentTimeout(DateTimeOffset at, DateOnly neededBy, string timeZone, WorkingHours hours, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(policy);
        var clock = new Clock(timeZone, hours, policy.UseBusinessHours);
        var budget = clock.Between(at, Deadline(neededBy, policy)) / 2;
        return Earlier(clock.AddPolicy(at, policy.ReferenceConsentTimeout), clock.Add(at, Longer(MinimumAnswerTime, budget)));
    }

    /// <summary>The end of the need-by day in the business zone: a date names a whole day.</summary>
    public static DateTimeOffset Deadline(DateOnly neededBy, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return BusinessClock.ToOffset(neededBy.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessClock.Zone(policy.BusinessTimeZone));
    }

    /// <summary>The share of <paramref name="budget"/> the policy gives a step (a reminder after a third of the timeout gets a
    /// third of it), to the minute.</summary>
    private static TimeSpan Part(TimeSpan budget, TimeSpan part, TimeSpan whole) =>
        TimeSpan.FromMinutes(Math.Round(budget.TotalMinutes * (whole > TimeSpan.Zero ? Math.Clamp(part / whole, 0, 1) : 1)));

    private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Working time in one calendar, or clock time when the program does not count business hours.</summary>
    private sealed class Clock(string timeZone, WorkingHours hours, bool useBusinessHours)
    {
        private readonly TimeZoneInfo _zone = BusinessClock.Zone(timeZone);

        public DateTimeOffset AddPolicy(DateTimeOffset at, TimeSpan delay) => BusinessClock.Add(at, delay, timeZone, hours, useBusinessHours);

        public TimeSpan Between(DateTimeOffset from, DateTimeOffset to) =>
            useBusinessHours ? WorkingTime.Between(from, to, _zone, hours) : to > from ? to - from : TimeSpan.Zero;

        public DateTimeOffset Add(DateTimeOffset at, TimeSpan span) => useBusinessHours ? WorkingTime.Add(at, span, _zone, hours) : at + span;
    }
}

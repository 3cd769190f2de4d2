using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Tests.Scheduling;

public sealed class BusinessClockTests
{
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADayFromFridayLandsOnMonday() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero),
            BusinessClock.Add(FridayAfternoon, TimeSpan.FromDays(1), "UTC", WorkingHours.Default, true));

    [Fact]
    public void StartOutsideWorkingHoursCountsFromTheNextMorning() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            BusinessClock.Add(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), "UTC", WorkingHours.Default, true));

    [Fact]
    public void WorkingDaysAreCountedInTheGivenTimeZone() =>
        // 16:00 UTC on Friday is 17:00 in Paris, after hours: the day counts from Monday 09:00 Paris (08:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
            BusinessClock.Add(FridayAfternoon, TimeSpan.FromDays(1), "Europe/Paris", WorkingHours.Default, true).ToUniversalTime());

    [Fact]
    public void ShortDelaysAreClockTime() =>
        Assert.Equal(FridayAfternoon.AddSeconds(5), BusinessClock.Add(FridayAfternoon, TimeSpan.FromSeconds(5), "UTC", WorkingHours.Default, true));

    [Fact]
    public void WithoutBusinessHoursDaysAreCalendarDays() =>
        Assert.Equal(FridayAfternoon.AddDays(1), BusinessClock.Add(FridayAfternoon, TimeSpan.FromDays(1), "UTC", WorkingHours.Default, false));

    [Fact]
    public void UnknownTimeZoneFallsBackToUtc() =>
        Assert.Equal(TimeZoneInfo.Utc, BusinessClock.Zone("Mars/Olympus"));
}

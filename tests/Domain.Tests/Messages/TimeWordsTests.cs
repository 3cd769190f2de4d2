using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Tests.Messages;

/// <summary>The one date and time format: the reader's zone, named by its place, across clock changes and on both sides of UTC.</summary>
public sealed class TimeWordsTests
{
    private static readonly TimeZoneInfo Paris = TimeWords.Zone("Europe/Paris", null);
    private static readonly TimeZoneInfo LosAngeles = TimeWords.Zone("America/Los_Angeles", null);
    private static readonly TimeZoneInfo Tokyo = TimeWords.Zone("Asia/Tokyo", null);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AMomentIsWrittenInTheReadersZoneWithThePlaceNamed()
    {
        Assert.Equal("Thu 19 Nov 2026, 14:30 Paris time", TimeWords.When(Utc(2026, 11, 19, 13, 30), Paris));
    }

    [Fact]
    public void EastOfUtcTheDayCanAlreadyBeTomorrow()
    {
        Assert.Equal("Fri 20 Nov 2026, 07:30 Tokyo time", TimeWords.When(Utc(2026, 11, 19, 22, 30), Tokyo));
        Assert.Equal("Fri 20 Nov 2026", TimeWords.Date(Utc(2026, 11, 19, 22, 30), Tokyo));
    }

    [Fact]
    public void WestOfUtcTheDayCanStillBeYesterday()
    {
        Assert.Equal("Wed 18 Nov 2026, 21:00 Los Angeles time", TimeWords.When(Utc(2026, 11, 19, 5), LosAngeles));
        Assert.Equal("Wed 18 Nov 2026", TimeWords.Date(Utc(2026, 11, 19, 5), LosAngeles));
    }

    [Theory]
    // Paris moves to summer time on Sunday 28 March 2027 at 02:00 (01:00 UTC): the same UTC hour reads an hour later after it.
    [InlineData(2027, 3, 27, "Sat 27 Mar 2027, 09:00 Paris time")]
    [InlineData(2027, 3, 29, "Mon 29 Mar 2027, 10:00 Paris time")]
    // ...and back to winter time on Sunday 31 October 2027.
    [InlineData(2027, 10, 30, "Sat 30 Oct 2027, 10:00 Paris time")]
    [InlineData(2027, 11, 1, "Mon 1 Nov 2027, 09:00 Paris time")]
    public void AcrossAClockChangeTheZoneKeepsItsNameAndTheHourFollowsTheRules(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, TimeWords.When(Utc(year, month, day, 8), Paris));
    }

    [Fact]
    public void TheOffsetForATooltipFollowsTheClockChange()
    {
        Assert.Equal("UTC+01:00", TimeWords.Offset(Utc(2027, 3, 27, 8), Paris));
        Assert.Equal("UTC+02:00", TimeWords.Offset(Utc(2027, 3, 29, 8), Paris));
        Assert.Equal("UTC-08:00", TimeWords.Offset(Utc(2026, 11, 19, 8), LosAngeles));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void AnUnknownZoneFallsBackToTheProgramsBusinessZone(string? id)
    {
        var zone = TimeWords.Zone(id, "America/New_York");

        Assert.Equal("Thu 19 Nov 2026, 08:30 New York time", TimeWords.When(Utc(2026, 11, 19, 13, 30), zone));
    }

    [Fact]
    public void WithNeitherZoneKnownTimesAreInUtcAndSaySo()
    {
        Assert.Equal("Thu 19 Nov 2026, 13:30 UTC", TimeWords.When(Utc(2026, 11, 19, 13, 30), TimeWords.Zone("nowhere", "nowhere either")));
    }

    [Theory]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/UTC", "UTC")]
    [InlineData("Etc/GMT+5", "UTC-5")]
    [InlineData("America/New_York", "New York time")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires time")]
    [InlineData("Europe/London", "London time")]
    public void AZoneIsNamedByItsPlaceOrItsOffset(string id, string expected)
    {
        Assert.Equal(expected, TimeWords.ZoneName(TimeWords.Zone(id, null)));
    }

    [Fact]
    public void ASpanNamesOneDayAndOneZone()
    {
        Assert.Equal("Thu 19 Nov 2026, 14:00–14:30 Paris time", TimeWords.Span(Utc(2026, 11, 19, 13), Utc(2026, 11, 19, 13, 30), Paris));
    }

    [Fact]
    public void ASpanPastMidnightNamesBothDays()
    {
        Assert.Equal("Thu 19 Nov 2026, 23:45 – Fri 20 Nov 2026, 00:15 Paris time",
            TimeWords.Span(Utc(2026, 11, 19, 22, 45), Utc(2026, 11, 19, 23, 15), Paris));
    }

    [Fact]
    public void WorkingHoursReadAsARunOfDaysInTheirZone()
    {
        Assert.Equal("Mon–Fri, 09:00–17:00 Paris time", TimeWords.Hours(WorkingHours.Default, Paris));
        Assert.Equal("Mon, Wed, 08:00–12:00 Tokyo time",
            TimeWords.Hours(new WorkingHours(new TimeOnly(8, 0), new TimeOnly(12, 0), [DayOfWeek.Wednesday, DayOfWeek.Monday]), Tokyo));
    }

    [Fact]
    public void ADayAloneHasOneFormat()
    {
        Assert.Equal("Sun 20 Dec 2026", TimeWords.Date(new DateOnly(2026, 12, 20)));
    }
}

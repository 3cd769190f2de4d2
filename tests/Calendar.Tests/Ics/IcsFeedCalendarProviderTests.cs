using Microsoft.Extensions.Options;
using ReferenceFlow.Calendar.Ics;

namespace ReferenceFlow.Calendar.Tests.Ics;

/// <summary>ICS feeds fetched over real HTTP from a local listener.</summary>
public sealed class IcsFeedCalendarProviderTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(8);

    private readonly ReplayServer _server = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private IcsFeedCalendarProvider Provider()
    {
        var options = new CalendarOptions();
        options.IcsFeeds.Add(new IcsFeed { Email = "marie@contoso.example", Url = new Uri(_server.BaseUri, "feeds/marie.ics") });
        return new IcsFeedCalendarProvider(_http, Options.Create(options));
    }

    private const string Feed = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//Feed//EN
        BEGIN:VEVENT
        UID:later@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261125T130000Z
        DTEND:20261125T140000Z
        SUMMARY:Later, listed first
        END:VEVENT
        BEGIN:VEVENT
        UID:weekly@test
        DTSTAMP:20261101T000000Z
        DTSTART;TZID=Europe/Paris:20261102T100000
        DTEND;TZID=Europe/Paris:20261102T110000
        RRULE:FREQ=WEEKLY;BYDAY=MO
        SUMMARY:Weekly team meeting
        END:VEVENT
        BEGIN:VEVENT
        UID:floating@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261124T150000
        DTEND:20261124T153000
        SUMMARY:Floating time, read in the contact's zone
        END:VEVENT
        BEGIN:VEVENT
        UID:transparent@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261124T080000Z
        DTEND:20261124T090000Z
        TRANSP:TRANSPARENT
        SUMMARY:Reminder only
        END:VEVENT
        BEGIN:VEVENT
        UID:cancelled@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261124T100000Z
        DTEND:20261124T110000Z
        STATUS:CANCELLED
        SUMMARY:Called off
        END:VEVENT
        BEGIN:VFREEBUSY
        UID:fb@test
        DTSTAMP:20261101T000000Z
        DTSTART:20261123T000000Z
        DTEND:20261130T000000Z
        FREEBUSY;FBTYPE=BUSY:20261126T090000Z/20261126T100000Z
        FREEBUSY;FBTYPE=FREE:20261126T120000Z/20261126T130000Z
        FREEBUSY;FBTYPE=BUSY-TENTATIVE:20261127T090000Z/PT30M
        END:VFREEBUSY
        END:VCALENDAR
        """;

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task OpaqueEventsRecurrencesAndFreeBusyPeriodsAreBusy()
    {
        _server.Enqueue(200, Feed.Replace("\n", "\r\n", StringComparison.Ordinal), "text/calendar");

        var availability = await Provider().GetBusyAsync("Marie@Contoso.example", "Europe/Paris", From, To, CancellationToken.None);

        Assert.Equal(
            [
                new BusyInterval(Utc(23, 9), Utc(23, 10)),       // weekly Monday 10:00 Paris
                new BusyInterval(Utc(24, 14), Utc(24, 14, 30)),  // floating 15:00, read in Paris
                new BusyInterval(Utc(25, 13), Utc(25, 14)),
                new BusyInterval(Utc(26, 9), Utc(26, 10)),       // VFREEBUSY busy
                new BusyInterval(Utc(27, 9), Utc(27, 9, 30)),    // VFREEBUSY tentative, period given as a duration
                new BusyInterval(Utc(30, 9), Utc(30, 10)),       // next Monday's occurrence
            ],
            availability.Busy);
        Assert.Equal("/feeds/marie.ics", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task AFeedThatFailsIsUnavailable()
    {
        _server.Enqueue(404, "not here", "text/plain");

        var error = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provider().GetBusyAsync("marie@contoso.example", "Europe/Paris", From, To, CancellationToken.None));

        Assert.Equal("404", error.Code);
    }

    [Fact]
    public async Task AContactWithoutAFeedIsUnavailable()
    {
        await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provider().GetBusyAsync("paul@acme.example", "Europe/Paris", From, To, CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TextThatIsNotICalendarIsUnavailable()
    {
        _server.Enqueue(200, "<html>login page</html>", "text/html");

        await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provider().GetBusyAsync("marie@contoso.example", "Europe/Paris", From, To, CancellationToken.None));
    }
}

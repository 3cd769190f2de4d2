using Microsoft.Extensions.Logging.Abstractions;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Tests.Slots;

public sealed class SlotServiceTests
{
    private static readonly DateTimeOffset Tuesday8Utc = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static readonly SlotRequest Request = new("marie@contoso.example", "Europe/Paris", WorkingHours.Default,
        "America/New_York", WorkingHours.Default, Tuesday8Utc, Tuesday8Utc.AddDays(1), TimeSpan.FromMinutes(30));

    [Fact]
    public async Task CallsAlreadyBookedForTheReferenceAreAvoided()
    {
        // Paris 15:00-17:00 overlaps New York 09:00-11:00; the reference has a call booked at 14:00-14:45 UTC.
        var booked = new BookedCalls(new BusyInterval(Tuesday8Utc.AddHours(6), Tuesday8Utc.AddHours(6.75)));
        var service = new SlotService(new WorkingHoursCalendarProvider(booked), NullLogger<SlotService>.Instance);

        var slot = await service.FindAsync(Request, CancellationToken.None);

        Assert.Equal(new ProposedSlot(Tuesday8Utc.AddHours(6.75), Tuesday8Utc.AddHours(7.25), true), slot);
        Assert.Equal("marie@contoso.example", booked.AskedFor);
    }

    [Fact]
    public async Task WhenTheCalendarCannotAnswerTheSlotComesFromWorkingHoursAlone()
    {
        var service = new SlotService(new Unavailable(), NullLogger<SlotService>.Instance);

        var slot = await service.FindAsync(Request, CancellationToken.None);

        Assert.Equal(new ProposedSlot(Tuesday8Utc.AddHours(6), Tuesday8Utc.AddHours(6.5), true), slot);
    }

    private sealed class BookedCalls(params BusyInterval[] calls) : IBookedCalls
    {
        public string? AskedFor { get; private set; }

        public Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            AskedFor = email;
            return Task.FromResult<IReadOnlyList<BusyInterval>>(calls);
        }
    }

    private sealed class Unavailable : ICalendarProvider
    {
        public Task<CalendarAvailability> GetBusyAsync(string email, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            throw new CalendarUnavailableException("no mailbox") { Code = "ErrorMailboxNotFound" };
    }
}

using Ical.Net;
using ReferenceFlow.Email.Rendering;

namespace ReferenceFlow.Email.Tests.Rendering;

public sealed class InvitationCalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFirstInvitationIsSequenceZeroAndANewTimeKeepsTheUidWithTheNextSequence()
    {
        var first = Samples.Introduction().Invitation!;
        var moved = first with { Start = first.Start.AddDays(1), End = first.End.AddDays(1), Sequence = 1 };

        var one = Calendar.Load(InvitationCalendar.Serialize(first, Stamp))!.Events.Single();
        var two = Calendar.Load(InvitationCalendar.Serialize(moved, Stamp))!.Events.Single();

        Assert.Equal((first.Uid, 0), (one.Uid, one.Sequence));
        Assert.Equal((first.Uid, 1), (two.Uid, two.Sequence));
        Assert.Equal(moved.Start.UtcDateTime, two.DtStart!.AsUtc);
    }
}

using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Domain.Tests.People;

/// <summary>A time in an email to our staff is written in the zone of the one person it is written to, else in the program's.</summary>
public sealed class StaffTimesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AMarkerReadsInTheReadersZoneOrInItsFallbackWhenTheReadersIsUnknown()
    {
        var text = $"Answer by {StaffTimes.At(Noon, "Europe/Paris")}.";

        Assert.True(StaffTimes.In(text));
        Assert.Equal("Answer by Mon 7 Dec 2026, 07:00 New York time.", StaffTimes.Fill(text, "America/New_York"));
        Assert.Equal("Answer by Mon 7 Dec 2026, 13:00 Paris time.", StaffTimes.Fill(text, null));
        Assert.Equal("Answer by Mon 7 Dec 2026, 13:00 Paris time.", StaffTimes.Fill(text, "Atlantis/Capital"));
        Assert.Equal("Answer by Mon 7 Dec 2026, 12:00 UTC.", StaffTimes.Fill($"Answer by {StaffTimes.At(Noon, null)}.", null));
    }

    [Fact]
    public void AnEmailIsWrittenInTheZoneOfTheOnePersonItIsToAndLooksThemUp()
    {
        var known = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase)
        {
            ["owner@vendor.example"] = new("owner@vendor.example", "Jane Carter", "Asia/Tokyo"),
        };
        var email = new OutboundEmail(EmailKind.OwnerReminder, "req-1", [new Recipient("", "Owner@Vendor.Example")], "Still open",
            [$"Answer by {StaffTimes.At(Noon, "Europe/Paris")}."]);

        Assert.Equal(["Owner@Vendor.Example"], StaffInEmail.Addresses(email));
        Assert.Equal("Answer by Mon 7 Dec 2026, 21:00 Tokyo time.", StaffInEmail.Fill(email, known).Paragraphs.Single());

        // Written to two people, nobody's own zone is right for both: the program's is used.
        var toTwo = email with { To = [.. email.To, new Recipient("", "rep@vendor.example")] };
        Assert.Empty(StaffInEmail.Addresses(toTwo));
        Assert.Equal("Answer by Mon 7 Dec 2026, 13:00 Paris time.", StaffInEmail.Fill(toTwo, known).Paragraphs.Single());
    }
}

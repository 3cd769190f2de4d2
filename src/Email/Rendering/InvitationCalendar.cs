using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email.Rendering;

/// <summary>An RFC 5545 METHOD:REQUEST calendar for an invitation, times in UTC.</summary>
public static class InvitationCalendar
{
    public static string Serialize(Invitation invitation, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.End <= invitation.Start)
        {
            throw new ArgumentException("The invitation ends before it starts.", nameof(invitation));
        }
        var calendar = new Calendar { Method = "REQUEST", ProductId = "-//ReferenceFlow//Email//EN" };
        var vevent = new CalendarEvent
        {
            Uid = invitation.Uid,
            DtStamp = Utc(stamp),
            DtStart = Utc(invitation.Start),
            DtEnd = Utc(invitation.End),
            Summary = invitation.Summary,
            Description = invitation.Description,
            Status = "CONFIRMED",
            Transparency = "OPAQUE",
            Sequence = invitation.Sequence,
            Organizer = new Organizer($"mailto:{invitation.Organizer.Email}") { CommonName = DisplayName(invitation.Organizer) },
        };
        foreach (var attendee in invitation.Attendees)
        {
            vevent.Attendees.Add(new Attendee($"mailto:{attendee.Email}")
            {
                CommonName = DisplayName(attendee),
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }
        calendar.Events.Add(vevent);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net produced no text.");
    }

    /// <summary>The recipient's name, or null when all we have is their address (it is in the address already).</summary>
    public static string? DisplayName(Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return string.IsNullOrWhiteSpace(recipient.Name) || string.Equals(recipient.Name.Trim(), recipient.Email.Trim(), StringComparison.OrdinalIgnoreCase)
            ? null
            : recipient.Name.Trim();
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, "UTC", true);
}

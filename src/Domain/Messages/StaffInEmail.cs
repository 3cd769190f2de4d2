using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Domain.Messages;

/// <summary>The staff an email names (<see cref="StaffNames"/>), in its text, its recipients and its invitation, and the email with their names put in.</summary>
public static class StaffInEmail
{
    /// <summary>The addresses to look up: the staff it names, and its reader when it writes a time in their zone (<see cref="StaffTimes"/>).</summary>
    public static IReadOnlyList<string> Addresses(OutboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var named = Texts(email).SelectMany(StaffNames.In);
        var reader = Texts(email).Any(StaffTimes.In) && Reader(email) is { } r ? [r] : Array.Empty<string>();
        return named.Concat(reader).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The email as people read it: each of our staff by name, or by whole address where no name is known, and each time
    /// in its reader's zone where the people directory knows it.
    /// </summary>
    public static OutboundEmail Fill(OutboundEmail email, IReadOnlyDictionary<string, StaffMember> known)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(known);
        var readerZone = Reader(email) is { } reader && known.TryGetValue(reader, out var person) ? person.TimeZoneId : null;
        string Text(string text) => StaffTimes.Fill(StaffNames.Fill(text, known), readerZone);
        Recipient Person(Recipient r) => r with { Name = Text(r.Name) };
        return email with
        {
            To = [.. email.To.Select(Person)],
            Cc = email.Cc?.Select(Person).ToList(),
            Subject = Text(email.Subject),
            Paragraphs = [.. email.Paragraphs.Select(Text)],
            Facts = email.Facts?.Select(f => new Fact(Text(f.Label), Text(f.Value))).ToList(),
            Invitation = email.Invitation is { } i
                ? i with
                {
                    Summary = Text(i.Summary), Description = Text(i.Description),
                    Organizer = Person(i.Organizer), Attendees = [.. i.Attendees.Select(Person)],
                }
                : null,
        };
    }

    // Times are written for one reader: an email with a time in it goes to one of our staff alone.
    private static string? Reader(OutboundEmail e) => e.To is [{ } only] ? only.Email : null;

    private static IEnumerable<string> Texts(OutboundEmail e) =>
        new[] { e.Subject }
            .Concat(e.Paragraphs)
            .Concat(e.To.Concat(e.Cc ?? []).Select(r => r.Name))
            .Concat((e.Facts ?? []).SelectMany(f => new[] { f.Label, f.Value }))
            .Concat(e.Invitation is { } i ? new[] { i.Summary, i.Description, i.Organizer.Name }.Concat(i.Attendees.Select(a => a.Name)) : []);
}

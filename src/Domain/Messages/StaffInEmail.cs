using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Domain.Messages;

/// <summary>The staff an email names (<see cref="StaffNames"/>), in its text, its recipients and its invitation, and the email with their names put in.</summary>
public static class StaffInEmail
{
    public static IReadOnlyList<string> Addresses(OutboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Texts(email).SelectMany(StaffNames.In).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The email as people read it: each of our staff by name, or by whole address where no name is known.</summary>
    public static OutboundEmail Fill(OutboundEmail email, IReadOnlyDictionary<string, StaffMember> known)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(known);
        string Text(string text) => StaffNames.Fill(text, known);
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

    private static IEnumerable<string> Texts(OutboundEmail e) =>
        new[] { e.Subject }
            .Concat(e.Paragraphs)
            .Concat(e.To.Concat(e.Cc ?? []).Select(r => r.Name))
            .Concat((e.Facts ?? []).SelectMany(f => new[] { f.Label, f.Value }))
            .Concat(e.Invitation is { } i ? new[] { i.Summary, i.Description, i.Organizer.Name }.Concat(i.Attendees.Select(a => a.Name)) : []);
}

using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// The words of one email, decided by the domain. Every string is plain text: the email
/// adapter escapes it, renders the text and HTML parts, mints the action links and the invitation.
/// <paramref name="Links"/> lead to the app's own pages, for readers who sign in (staff).
/// <paramref name="Preferences"/> names the reference contact the email is written to: it then carries their
/// "Manage how often we ask you" link. Only emails whose readers are the reference (and their own account owner,
/// copied) carry it: the introduction and the rep's debrief asks reach the prospect and the rep, who must not hold it.
/// </summary>
public sealed record OutboundEmail(
    EmailKind Kind,
    string? RequestId,
    IReadOnlyList<Recipient> To,
    string Subject,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<Fact>? Facts = null,
    ActionLink? Action = null,
    Invitation? Invitation = null,
    IReadOnlyList<Recipient>? Cc = null,
    ContactKey? Preferences = null,
    IReadOnlyList<PageLink>? Links = null);

public sealed record Recipient(string Name, string Email);

/// <summary>A link to one of the app's pages, by its path ("/requests/…"); the adapter puts the app's public address before it.</summary>
public sealed record PageLink(string Label, string Path);

/// <summary>A labelled value shown as a small table (account, stage, topics…).</summary>
public sealed record Fact(string Label, string Value);

/// <summary>
/// A decision asked of <paramref name="ActorEmail"/>. The adapter turns it into one signed,
/// single-use token bound to request, actor, action and step, with a button per decision.
/// </summary>
public sealed record ActionLink(string Action, string Step, string ActorEmail, IReadOnlyList<string> Decisions, DateTimeOffset ExpiresAt);

/// <summary>
/// An RFC 5545 invitation (METHOD:REQUEST) attached to the email; a later <paramref name="Sequence"/> with the same
/// <paramref name="Uid"/> moves the event the attendees already have.
/// </summary>
public sealed record Invitation(
    string Uid,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string Description,
    Recipient Organizer,
    IReadOnlyList<Recipient> Attendees,
    int Sequence = 0);

using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Nominations;

/// <summary>
/// A proposed new reference contact. <paramref name="ReferenceId"/> names the account the contact joins: an existing one,
/// or the one <paramref name="NewAccount"/> (without contacts) creates when the contact says yes. Nothing reaches the
/// directory before <see cref="Answer"/> holds the contact's own yes.
/// </summary>
public sealed record Nomination(
    string Id,
    NominationState State,
    NominationSource Source,
    string Reason,
    string? Quote,
    string ReferenceId,
    string AccountName,
    ReferenceAccount? NewAccount,
    ReferenceContact Contact,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    IReadOnlyList<NominationChange> History,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionReason = null,
    DateTimeOffset? InvitationExpiresAt = null,
    NominationAnswer? Answer = null,
    string? JoinedAs = null)
{
    /// <summary>How long the consent a contact gives by joining lasts (api.md: a year).</summary>
    public static DateOnly ConsentUntil(DateTimeOffset answeredAt) => DateOnly.FromDateTime(answeredAt.UtcDateTime).AddYears(1);

    public static Nomination Propose(
        string id, NominationSource source, string reason, string? quote, string referenceId, string accountName, ReferenceAccount? newAccount,
        ReferenceContact contact, string by, DateTimeOffset at) =>
        new(id, NominationState.Proposed, source, reason, quote, referenceId, accountName, newAccount,
            contact with { ConsentExpires = null, PausedUntil = null, LeftProgramOn = null }, by, at,
            [new NominationChange(at, by, $"Proposed {contact.Name} ({accountName}), from {Words(source)}.")]);

    /// <summary>The program manager approves: the contact is invited, and the invitation holds until <paramref name="expiresAt"/>.</summary>
    public Nomination Approve(string by, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        Require(NominationState.Proposed, "approved");
        return this with
        {
            State = NominationState.Invited, DecidedBy = by, DecidedAt = at, InvitationExpiresAt = expiresAt,
            History = [.. History, new NominationChange(at, by, $"Approved; {Contact.Name} is invited to join.")],
        };
    }

    /// <summary>The program manager declines; the contact is never told.</summary>
    public Nomination Decline(string by, string reason, DateTimeOffset at)
    {
        Require(NominationState.Proposed, "declined");
        return this with
        {
            State = NominationState.Declined, DecidedBy = by, DecidedAt = at, DecisionReason = reason,
            History = [.. History, new NominationChange(at, by, $"Declined by the program manager: {reason}")],
        };
    }

    /// <summary>Whether the contact may still answer: invited, not yet answered, invitation not run out.</summary>
    public bool AwaitsAnswer(DateTimeOffset now) => State == NominationState.Invited && Answer is null && (InvitationExpiresAt is not { } until || now < until);

    /// <summary>The contact answers; recorded once, settled into the directory afterwards.</summary>
    public Nomination Answered(NominationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!AwaitsAnswer(answer.At)) throw new DomainException("This invitation was already answered or is no longer open.");
        return this with
        {
            Answer = answer,
            History = [.. History, new NominationChange(answer.At, Contact.Email, answer.Accepted ? "Said yes to joining." : "Said no, thank you.")],
        };
    }

    /// <summary>An answer taken back because the invitation could not be told of it: the contact may answer again.</summary>
    public Nomination Unanswered(NominationAnswer answer) =>
        State == NominationState.Invited && Answer?.At == answer?.At && Answer?.Accepted == answer?.Accepted
            ? this with { Answer = null, History = [.. History.SkipLast(1)] }
            : this;

    /// <summary>The contact's yes is in the directory as <paramref name="contactId"/>.</summary>
    public Nomination Joined(string contactId, DateTimeOffset at) => State == NominationState.Joined ? this : this with
    {
        State = NominationState.Joined, JoinedAs = contactId,
        History = [.. History, new NominationChange(at, "ReferenceFlow", $"Joined the directory with consent until {TimeWords.Date(ConsentUntil(Answer!.At))}.")],
    };

    /// <summary>The contact said no.</summary>
    public Nomination Refused(DateTimeOffset at) => State == NominationState.Declined ? this : this with
    {
        State = NominationState.Declined,
        History = [.. History, new NominationChange(at, "ReferenceFlow", "Closed: the contact declined the invitation.")],
    };

    /// <summary>The contact never answered: declined by silence.</summary>
    public Nomination Expire(DateTimeOffset at) => State != NominationState.Invited || Answer is not null ? this : this with
    {
        State = NominationState.Expired,
        History = [.. History, new NominationChange(at, "ReferenceFlow", "Expired: no answer to the invitation or its reminders.")],
    };

    /// <summary>A line in the history that changes nothing else (an email the server refused).</summary>
    public Nomination Noted(DateTimeOffset at, string what) => this with { History = [.. History, new NominationChange(at, "ReferenceFlow", what)] };

    public static string Words(NominationSource source) => source switch
    {
        NominationSource.Kickoff => "a kickoff",
        NominationSource.Survey => "a survey",
        NominationSource.WonDeal => "a won deal",
        _ => "another conversation",
    };

    private void Require(NominationState state, string verb)
    {
        if (State != state) throw new DomainException($"Only a {state.ToString().ToLowerInvariant()} nomination can be {verb}; this one is {State}.");
    }
}

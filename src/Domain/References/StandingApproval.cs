using ReferenceFlow.Domain.Common;

namespace ReferenceFlow.Domain.References;

/// <summary>
/// An account owner's standing yes: asks for these contacts (all of the account's when <paramref name="ContactIds"/> is null)
/// go straight to the reference, within their caps, without waiting for the owner. Optionally only for some topics or
/// activities, and until a date (inclusive). Set by the owner or the program manager (<paramref name="SetBy"/>); never
/// used while the account is marked Caution. Revoking it applies to the next ask: each ask reads the account as it is then.
/// </summary>
public sealed record StandingApproval(
    IReadOnlyList<string>? ContactIds,
    IReadOnlyList<string>? Topics,
    IReadOnlyList<Activity>? Activities,
    DateOnly? Until,
    string SetBy,
    DateTimeOffset SetAt)
{
    /// <summary>
    /// The account's rule when it covers asking <paramref name="contactId"/> for <paramref name="activity"/> on
    /// <paramref name="topics"/> today; otherwise null. A rule kept to some topics covers a request only when every topic
    /// it asks about is among them (a request naming none is left to the owner).
    /// </summary>
    public static StandingApproval? Covering(
        ReferenceAccount account, string contactId, Activity activity, IReadOnlyCollection<string> topics, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(topics);
        if (account.StandingApproval is not { } rule || account.Status == AccountStatus.Caution) return null;
        if (rule.Until is { } until && today > until) return null;
        if (rule.ContactIds is { } contacts && !contacts.Contains(contactId, StringComparer.Ordinal)) return null;
        if (rule.Activities is { } activities && !activities.Contains(activity)) return null;
        if (rule.Topics is { } allowed && (topics.Count == 0 || !topics.All(t => allowed.Contains(t, StringComparer.OrdinalIgnoreCase)))) return null;
        return rule;
    }

    /// <summary>
    /// The rule an owner's "from now on" for <paramref name="contactId"/>, ticked as they approved an ask for that contact,
    /// makes of the account's; null when it is not theirs to give here (decision 051): only the account's owner, on an
    /// Active account, for a contact still in the program. With no rule yet, the new one covers that contact; a rule that
    /// names contacts and nothing else (what earlier boxes made) gains the contact; any other rule is the owner's to
    /// change on the account page, and stays as it is.
    /// </summary>
    public static StandingApproval? FromNowOn(ReferenceAccount account, string contactId, string ownerEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Status != AccountStatus.Active || !string.Equals(account.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase)) return null;
        if (!account.Contacts.Any(c => c.ContactId == contactId && c.LeftProgramOn is null)) return null;
        return account.StandingApproval switch
        {
            null => new([contactId], null, null, null, account.OwnerEmail, now),
            { ContactIds: { } contacts, Topics: null, Activities: null, Until: null } when !contacts.Contains(contactId, StringComparer.Ordinal) =>
                new([.. contacts, contactId], null, null, null, account.OwnerEmail, now),
            _ => null,
        };
    }

    public bool Equals(StandingApproval? other) =>
        other is not null
        && Seq.Equal(ContactIds, other.ContactIds) && Seq.Equal(Topics, other.Topics) && Seq.Equal(Activities, other.Activities)
        && Until == other.Until && SetBy == other.SetBy && SetAt == other.SetAt;

    public override int GetHashCode() => HashCode.Combine(Until, SetBy, SetAt);
}

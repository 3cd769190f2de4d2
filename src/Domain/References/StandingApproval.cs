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

    public bool Equals(StandingApproval? other) =>
        other is not null
        && Seq.Equal(ContactIds, other.ContactIds) && Seq.Equal(Topics, other.Topics) && Seq.Equal(Activities, other.Activities)
        && Until == other.Until && SetBy == other.SetBy && SetAt == other.SetAt;

    public override int GetHashCode() => HashCode.Combine(Until, SetBy, SetAt);
}

using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Components.References;

/// <summary>
/// One contact's standing against the program's rules, as the account page shows it: level, uses this quarter against
/// the cap, pause, consent. Level, quarter and cap are the Domain's (<see cref="ContactStandings"/>); this only adds
/// the dates a page words.
/// </summary>
public sealed record ContactUsageSummary(ReferenceLevel? Level, ContactFatigue Fatigue, DateOnly? PausedUntil, DateOnly? ConsentExpires, DateOnly Today)
{
    public int UsesThisQuarter => Fatigue.UsesThisQuarter;
    public int Cap => Fatigue.Cap;
    public DateTimeOffset? LastUsed => Fatigue.LastUsed;
    public bool OverCap => Fatigue.OverAsked;
    public bool Paused => PausedUntil is { } until && until > Today;
    public bool ConsentExpired => ConsentExpires is { } expires && expires < Today;
    public bool ConsentExpiresSoon => ConsentExpires is { } expires && !ConsentExpired && expires <= Today.AddDays(30);

    public static IReadOnlyDictionary<string, ContactUsageSummary> For(ReferenceAccount account, IEnumerable<ContactUsage> usage, WorkflowPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var standings = new ContactStandings(UsageIndex.Build(usage, now), policy);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return account.Contacts.ToDictionary(
            c => c.ContactId,
            c => new ContactUsageSummary(standings.Level(account, c), standings.Fatigue(account, c), c.PausedUntil, c.ConsentExpires, today));
    }
}

using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Web.Components.References;

/// <summary>One contact's standing against the program's rules: uses this quarter against the cap, pause, consent.</summary>
public sealed record ContactUsageSummary(int UsesThisQuarter, int Cap, DateOnly? PausedUntil, DateOnly? ConsentExpires, DateTimeOffset? LastUsed, DateOnly Today)
{
    public bool OverCap => UsesThisQuarter >= Cap;
    public bool Paused => PausedUntil is { } until && until > Today;
    public bool ConsentExpired => ConsentExpires is { } expires && expires < Today;
    public bool ConsentExpiresSoon => ConsentExpires is { } expires && !ConsentExpired && expires <= Today.AddDays(30);

    public static ContactUsageSummary For(ReferenceContact contact, IEnumerable<ContactUsage> usage, WorkflowPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(policy);
        var utc = now.UtcDateTime;
        var quarterStart = new DateTimeOffset(utc.Year, ((utc.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        var mine = usage.ToList();
        return new ContactUsageSummary(
            mine.Count(u => u.At >= quarterStart),
            contact.MaxCallsPerQuarter ?? policy.MaxCallsPerQuarter,
            contact.PausedUntil,
            contact.ConsentExpires,
            mine.Count == 0 ? null : mine.Max(u => u.At),
            DateOnly.FromDateTime(utc));
    }
}

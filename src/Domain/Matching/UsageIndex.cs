using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>Usage history folded per contact at one instant: built once, looked up in the hot loop.</summary>
public sealed class UsageIndex
{
    private readonly Dictionary<ContactKey, UsageSummary> byContact;

    private UsageIndex(Dictionary<ContactKey, UsageSummary> byContact) => this.byContact = byContact;

    public static UsageIndex Empty { get; } = new([]);

    public static UsageIndex Build(IEnumerable<ContactUsage> usage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var quarterStart = QuarterStart(now);
        var fatigueStart = now.AddDays(-MatchWeights.FatigueWindowDays);
        var map = new Dictionary<ContactKey, UsageSummary>();
        foreach (var use in usage)
        {
            var key = new ContactKey(use.ReferenceId, use.ContactId);
            map.TryGetValue(key, out var summary);
            var inQuarter = use.At >= quarterStart && use.At <= now ? 1 : 0;
            var inWindow = use.At >= fatigueStart && use.At <= now ? 1 : 0;
            var last = summary.LastUsed is { } previous && previous > use.At ? previous : use.At;
            var done = use.At <= now ? summary.DoneMask | UsageSummary.Bit(use.Activity) : summary.DoneMask;
            map[key] = new UsageSummary(summary.ThisQuarter + inQuarter, summary.InFatigueWindow + inWindow, last) { DoneMask = done };
        }

        return new UsageIndex(map);
    }

    private Aligned? aligned;

    /// <summary>Usage by directory position, computed once per directory index and kept (a race only computes it twice).</summary>
    internal UsageSummary[] AlignedTo(DirectoryIndex directory)
    {
        if (aligned is { } known && ReferenceEquals(known.Directory, directory))
        {
            return known.Summaries;
        }

        var summaries = new UsageSummary[directory.Count];
        foreach (var (key, summary) in byContact)
        {
            if (directory.Positions.TryGetValue(key, out var at))
            {
                summaries[at] = summary;
            }
        }

        aligned = new Aligned(directory, summaries);
        return summaries;
    }

    // A reference, so that readers on other threads see both parts or neither.
    private sealed record Aligned(DirectoryIndex Directory, UsageSummary[] Summaries);

    public bool IsEmpty => byContact.Count == 0;

    public UsageSummary For(ContactKey key) => byContact.TryGetValue(key, out var summary) ? summary : default;

    /// <summary>Caps count per calendar quarter (UTC), as programs report them.</summary>
    public static DateTimeOffset QuarterStart(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, ((utc.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}

/// <summary>Uses this calendar quarter, uses inside the fatigue window, the last use, and which activities were done.</summary>
public readonly record struct UsageSummary(int ThisQuarter, int InFatigueWindow, DateTimeOffset? LastUsed)
{
    // One bit per activity: the summary stays a small value in matching's hot loop.
    internal uint DoneMask { get; init; }

    /// <summary>True when the contact took part in <paramref name="activity"/> at least once (levels count what was done).</summary>
    public bool HasDone(Activity activity) => (DoneMask & Bit(activity)) != 0;

    internal static uint Bit(Activity activity) => 1u << (int)activity;
}

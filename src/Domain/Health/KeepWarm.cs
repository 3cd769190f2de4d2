using System.Globalization;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health;

/// <summary>
/// Reminds each owner of the references nobody has been in touch with for <see cref="WorkflowPolicy.KeepWarmEvery"/>:
/// one email per owner. Retired and paused accounts, paused contacts and contacts who left the program are left alone.
/// </summary>
public static class KeepWarm
{
    public static IReadOnlyList<OutboundEmail> Due(
        IReadOnlyList<ReferenceAccount> accounts, IEnumerable<ContactUsage> usage,
        IReadOnlyDictionary<ContactKey, DateTimeOffset> lastTouched, DateTimeOffset now, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(lastTouched);
        ArgumentNullException.ThrowIfNull(policy);

        var lastUsed = new Dictionary<ContactKey, DateTimeOffset>();
        foreach (var use in usage)
        {
            var key = new ContactKey(use.ReferenceId, use.ContactId);
            if (!lastUsed.TryGetValue(key, out var seen) || use.At > seen)
            {
                lastUsed[key] = use.At;
            }
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var stale = new List<(string Owner, string Line)>();
        foreach (var account in accounts.Where(a => a.Status is not (AccountStatus.Retired or AccountStatus.Paused)).OrderBy(a => a.Account, StringComparer.Ordinal))
        {
            foreach (var contact in account.Contacts.Where(c => c.LeftProgramOn is null && (c.PausedUntil is not { } p || p <= today)))
            {
                var key = new ContactKey(account.ReferenceId, contact.ContactId);
                var last = Latest(lastUsed.GetValueOrDefault(key), lastTouched.GetValueOrDefault(key));
                if (last is { } l && now - l < policy.KeepWarmEvery)
                {
                    continue;
                }

                var when = last is { } at
                    ? string.Create(CultureInfo.InvariantCulture, $"last contact {(int)(now - at).TotalDays} days ago")
                    : "no contact on record";
                stale.Add((account.OwnerEmail, $"- {contact.Name}, {contact.Title} at {account.Account}: {when}"));
            }
        }

        return [.. stale.GroupBy(s => s.Owner, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Email(g.Key, [.. g.Select(s => s.Line)], policy))];
    }

    private static DateTimeOffset? Latest(DateTimeOffset used, DateTimeOffset touched)
    {
        var latest = used > touched ? used : touched;
        return latest == default ? null : latest;
    }

    private static OutboundEmail Email(string owner, IReadOnlyList<string> lines, WorkflowPolicy policy) =>
        new(EmailKind.KeepWarm, null, [Words.Staff(owner)],
            lines.Count == 1 ? "One reference to check in with" : $"{lines.Count} references to check in with",
            [
                string.Create(CultureInfo.InvariantCulture, $"Nobody has been in touch with these references for {policy.KeepWarmEvery.TotalDays:0} days or more:"),
                .. lines,
                "A short personal note (news, a question about how things are going) keeps the relationship warm, so a request later does not come out of the blue. Nothing here asks them for anything.",
            ]);
}

using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Health.Capacity;
using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Workflow.ReadModels;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>
/// The program's health for the API and the pages: coverage gaps, fatigue per contact, and the contacts' standings
/// (level, fatigue) the directory filters on. The rules are the Domain's; this reads what they need, once.
/// </summary>
public sealed class ProgramService(
    IReferenceDirectory directory, DirectoryWithUsage withUsage, IUsageReader usage, ProgramDays days, WorkflowPolicy policy, TimeProvider clock)
{
    /// <summary>Today as the program counts days (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The program's figures over <paramref name="range"/>: one range read of the day read model, and the directory and
    /// usage the host keeps in memory. Nothing here reads requests one by one.
    /// </summary>
    public async Task<ProgramReport> ReportAsync(MetricsRange range, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(range);
        var tallies = days.RangeAsync(range.From, range.To, ct);
        var now = await withUsage.LoadAsync(ct).ConfigureAwait(false);
        var figures = ProgramMetrics.Of(await tallies.ConfigureAwait(false), range.From, range.To);
        var standings = new ContactStandings(UsageIndex.Build(now.Usage, clock.GetUtcNow()), policy);
        var asked = now.Accounts.Where(a => a.Status != AccountStatus.Retired).ToList();
        var fatigue = FatigueOrder.Contacts(asked).Select(x => FatigueRow.From(x.Account, x.Contact, standings.Fatigue(x.Account, x.Contact))).ToList();
        var utilisation = new Utilisation(fatigue.Count, fatigue.Count(f => f.OverAsked), fatigue.Count(f => f.NeverAsked),
            [.. fatigue.Where(f => f.UsesThisQuarter > 0).OrderByDescending(f => (double)f.UsesThisQuarter / Math.Max(1, f.Cap))
                .ThenByDescending(f => f.UsesThisQuarter).Take(Utilisation.Shown)]);
        var byId = now.Accounts.ToDictionary(a => a.ReferenceId, StringComparer.Ordinal);
        HelperRow Named(ContactHelp help)
        {
            var account = byId.GetValueOrDefault(help.Contact.ReferenceId);
            var contact = account?.Contacts.FirstOrDefault(c => c.ContactId == help.Contact.ContactId);
            return new HelperRow(help.Contact.ReferenceId, account?.Account ?? help.Contact.ReferenceId, help.Contact.ContactId,
                contact?.Name ?? help.Contact.ContactId, help.Calls, help.Gifts, help.WithoutGift);
        }
        return new ProgramReport(figures, [.. figures.HelpedMost.Select(Named)], [.. figures.ThankedLeast.Select(Named)], utilisation,
            Coverage.Gaps(now.Accounts, Today), standings.CountByLevel(asked));
    }

    /// <summary>
    /// When each topic, industry, country and product runs out of calls at the current pace (soonest first): one range
    /// read of the day read model, and the directory and usage the host keeps in memory.
    /// </summary>
    public async Task<IReadOnlyList<CapacityRow>> CapacityAsync(CancellationToken ct)
    {
        var today = Today;
        var tallies = days.RangeAsync(CapacityForecast.ReadFrom(today), today, ct);
        var now = await withUsage.LoadAsync(ct).ConfigureAwait(false);
        return CapacityForecast.Of(await tallies.ConfigureAwait(false), now.Accounts, UsageIndex.Build(now.Usage, clock.GetUtcNow()), today, policy);
    }

    public async Task<IReadOnlyList<CoverageGap>> CoverageAsync(CancellationToken ct)
    {
        var snapshot = await directory.SnapshotAsync(ct).ConfigureAwait(false);
        return Coverage.Gaps(snapshot.Accounts, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Every contact's level and fatigue as of now; usage comes from memory, brought up to date by one small query.</summary>
    public async Task<ContactStandings> StandingsAsync(CancellationToken ct)
    {
        var used = await usage.EveryContactAsync(ct).ConfigureAwait(false);
        return new ContactStandings(UsageIndex.Build(used, clock.GetUtcNow()), policy);
    }

    /// <summary>One page of contacts with their fatigue, in <see cref="FatigueOrder"/>.</summary>
    public async Task<FatiguePage> FatigueAsync(FatigueQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = await withUsage.LoadAsync(ct).ConfigureAwait(false);
        var standings = new ContactStandings(UsageIndex.Build(now.Usage, clock.GetUtcNow()), policy);
        var after = query.Continuation is null ? null : FatigueOrder.TryReadToken(query.Continuation);
        var items = new List<FatigueRow>(Math.Min(query.PageSize, 500));
        foreach (var (account, contact) in FatigueOrder.Contacts(now.Accounts))
        {
            if (after is { } key && !FatigueOrder.IsAfter(account, contact, key)) continue;
            var fatigue = standings.Fatigue(account, contact);
            if ((query.OverAsked && !fatigue.OverAsked) || (query.NeverAsked && !fatigue.NeverAsked)) continue;
            if (items.Count == query.PageSize)
            {
                var last = items[^1];
                return new FatiguePage(items, FatigueOrder.Token(last.Account, last.ReferenceId, last.ContactId));
            }
            items.Add(FatigueRow.From(account, contact, fatigue));
        }

        return new FatiguePage(items, null);
    }
}

/// <summary>What the fatigue list asks for: the filters combine.</summary>
public sealed record FatigueQuery(bool OverAsked, bool NeverAsked, int PageSize, string? Continuation);

/// <summary>A page of the fatigue list and the token of the next (null on the last).</summary>
public sealed record FatiguePage(IReadOnlyList<FatigueRow> Items, string? Continuation);

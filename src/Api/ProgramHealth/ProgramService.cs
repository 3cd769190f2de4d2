using ReferenceFlow.Domain.Health;
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
public sealed class ProgramService(IReferenceDirectory directory, DirectoryWithUsage withUsage, IUsageReader usage, WorkflowPolicy policy, TimeProvider clock)
{
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

using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Workflow.ReadModels;

namespace ReferenceFlow.Api.Insights;

/// <summary>
/// What debriefs taught, for reps and the program manager alike: the insights read model, filled once from older
/// histories (<see cref="InsightBackfill"/>), shown to each viewer as <see cref="RequestAccess"/> allows.
/// </summary>
public sealed class InsightService(InsightStore store, InsightBackfill backfill)
{
    public async Task<(IReadOnlyList<InsightView> Items, string? Continuation)> PageAsync(InsightQuery query, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await backfill.EnsureAsync(ct);
        var page = await store.PageAsync(query, ct);
        return ([.. page.Items.Select(i => View(i, user))], page.Continuation);
    }

    public async Task<InsightCounts> CountAsync(InsightQuery query, CancellationToken ct)
    {
        await backfill.EnsureAsync(ct);
        return await store.CountAsync(query, ct);
    }

    /// <summary>
    /// The insight as <paramref name="user"/> may see it. A reference's company name tells who our customers are and,
    /// with the topic, whom to call: like contact details, it is for those on the request (the requester, the candidates'
    /// owners, the program manager). Others learn the reference's industry and size, and get no link.
    /// </summary>
    public static InsightView View(DebriefInsight insight, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(insight);
        ArgumentNullException.ThrowIfNull(user);
        var onRequest = RequestAccess.CanView(user, insight.RequesterEmail, insight.OwnerEmails);
        var reference = insight.Reference;
        return new InsightView(
            insight.At, insight.Topics, insight.Competitor, insight.Industry, insight.Concerns, insight.Landmines, insight.Happened, insight.MetNeeds,
            new InsightReferenceView(onRequest ? reference.ReferenceId : null, onRequest ? reference.Account : null, reference.Industry,
                CompanySize.Band(reference.Employees)),
            onRequest ? new InsightRequestLink(insight.RequestId, $"/api/requests/{Uri.EscapeDataString(insight.RequestId)}") : null);
    }
}

using System.Globalization;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The request list read model: what lists, the home page and outcomes need.</summary>
public static class RequestSummaryProjector
{
    /// <summary>The summary of the request <paramref name="requestId"/> in <paramref name="state"/>, at <paramref name="version"/>.</summary>
    public static RequestSummary Project(string requestId, long version, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = state.Current;
        return new RequestSummary(
            requestId, version, state.Status.ToString(), state.RequesterEmail.ToUpperInvariant(), state.SubmittedAt,
            Open: state.IsOpen,
            NeedsAttention: state.NeedsAttention,
            Rushed: state.Rushed,
            Company: state.Intake?.Prospect.Company,
            Opportunity: state.Intake?.Opportunity.Name,
            CrmId: state.Intake?.Opportunity.CrmId,
            Activity: state.Intake?.Activity.ToString(),
            NeededBy: state.Intake?.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            WaitingOn: state.WaitingOn?.ToUpperInvariant(),
            Owner: current?.Account.OwnerEmail.ToUpperInvariant(),
            CurrentAccount: current?.Account.Name,
            WaitingBeside: [.. state.OwnersAskedBeside.Select(o => o.ToUpperInvariant()).Distinct().Take(SummaryColumns.WaitingBeside.Count)]);
    }
}

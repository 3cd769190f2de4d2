using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>The request list read model: what lists, the home page and matching (busy contacts) need.</summary>
public static class RequestSummaryProjector
{
    public const string Company = "Company";
    public const string Opportunity = "Opportunity";
    public const string CrmId = SummaryColumns.CrmId;
    public const string Activity = "Activity";
    public const string NeededBy = "NeededBy";
    public const string WaitingOn = SummaryColumns.WaitingOn;
    public const string Owner = SummaryColumns.Owner;
    public const string CurrentAccount = "CurrentAccount";
    public const string Rushed = "Rushed";
    public const string SubmittedAt = SummaryColumns.SubmittedAt;
    public const string Open = SummaryColumns.Open;
    public const string NeedsAttention = SummaryColumns.NeedsAttention;
    public const string Reserved = SummaryColumns.Reserved;
    public const string SlotStart = SummaryColumns.SlotStart;
    public const string SlotEnd = SummaryColumns.SlotEnd;
    public const string ContactEmail = SummaryColumns.ContactEmail;

    /// <summary>The summary columns of a request in <paramref name="state"/>; values are table types.</summary>
    public static IReadOnlyDictionary<string, object?> Project(RequestState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = state.Current;
        return new Dictionary<string, object?>
        {
            [SummaryColumns.State] = state.Status.ToString(),
            [SummaryColumns.Requester] = state.RequesterEmail.ToUpperInvariant(),
            [Company] = state.Intake?.Prospect.Company,
            [Opportunity] = state.Intake?.Opportunity.Name,
            [CrmId] = state.Intake?.Opportunity.CrmId,
            [Activity] = state.Intake?.Activity.ToString(),
            [NeededBy] = state.Intake?.NeededBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [WaitingOn] = state.WaitingOn?.ToUpperInvariant(),
            [Owner] = current?.Account.OwnerEmail.ToUpperInvariant(),
            [CurrentAccount] = current?.Account.Name,
            [Rushed] = state.Rushed,
            [SubmittedAt] = state.SubmittedAt,
            [Open] = state.IsOpen,
            [NeedsAttention] = state.NeedsAttention,
            // Contacts this request may still use; other requests' matching treats them as busy.
            [Reserved] = string.Join(' ', state.ReservedContacts.Select(k => k.ToString())),
            [SlotStart] = state.Slot?.Start,
            [SlotEnd] = state.Slot?.End,
            // Lower-cased: the booked-calls lookup matches the calendar's address case-insensitively.
            [ContactEmail] = current?.Contact.Email.ToLowerInvariant(),
        };
    }
}

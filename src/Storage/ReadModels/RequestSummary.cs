namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// A request as lists, outcomes and matching read it, at <paramref name="Version"/> of its history. People are
/// upper-cased (filters match whatever case a sign-in uses); <paramref name="ContactEmail"/> is the current
/// candidate's address, lower-cased as calendars compare it; <paramref name="Reserved"/> the contacts the request
/// holds ("referenceId/contactId", space-separated).
/// </summary>
public sealed record RequestSummary(
    string RequestId,
    long Version,
    string State,
    string Requester,
    DateTimeOffset SubmittedAt,
    bool Open = false,
    bool NeedsAttention = false,
    bool Rushed = false,
    string? Company = null,
    string? Opportunity = null,
    string? CrmId = null,
    string? Activity = null,
    string? NeededBy = null,
    string? WaitingOn = null,
    string? Owner = null,
    string? CurrentAccount = null,
    string? Reserved = null,
    DateTimeOffset? SlotStart = null,
    DateTimeOffset? SlotEnd = null,
    string? ContactEmail = null);

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>
/// A request as lists and outcomes read it, at <paramref name="Version"/> of its history. People are upper-cased
/// (filters match whatever case a sign-in uses). Who a request holds is not here: the holds and the history say
/// (decision 028). <paramref name="WaitingBeside"/> are the owners asked beside the current candidate (decision 041), at
/// most <see cref="SummaryColumns.WaitingBeside"/>'s number.
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
    IReadOnlyList<string>? WaitingBeside = null);

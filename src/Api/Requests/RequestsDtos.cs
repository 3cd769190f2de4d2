using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

public sealed record SubmittedResponse(string Id, RequestStatus State);

public sealed record OutcomeInput(string? Outcome);

public sealed record OutcomeResponse(string CrmId, DealOutcome Outcome, IReadOnlyList<SubmittedResponse> Requests);

/// <summary>The debrief as sent: booleans nullable so a missing answer is a field error, not a silent false.</summary>
public sealed record DebriefBody(bool? Happened, bool? MetNeeds, string? Concerns, string? Landmines, string? Notes, GiftBody? Gift = null);

/// <summary>What the reference is given with their thank-you, optional: kind WhitePaper | EventTicket | SpeakingSlot | Other, a short note.</summary>
public sealed record GiftBody(string? Kind, string? Note);

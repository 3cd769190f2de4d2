using ReferenceFlow.Api.References;

namespace ReferenceFlow.Api.Nominations;

/// <summary>POST /api/nominations body (api.md, "Nominations"): the contact and their account as in PUT /api/references.</summary>
public sealed record NominationDto(
    string? ReferenceId,
    ReferenceDto? Account,
    ContactDto? Contact,
    string? Source,
    string? Reason,
    string? Quote);

/// <summary>POST /api/nominations/{id}/decline body.</summary>
public sealed record NominationDeclineDto(string? Reason);

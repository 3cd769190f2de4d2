using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>POST /api/requests/{id}/debrief body (api.md), checked.</summary>
public sealed record DebriefInput(bool Happened, bool MetNeeds, string? Concerns, string? Landmines, string? Notes, Gift? Gift = null)
{
    /// <summary>The debrief as posted, to the API or from the request page's form; what is wrong goes to <paramref name="errors"/> by field.</summary>
    public static DebriefInput From(DebriefBody body, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.Happened is null) errors.Add("happened", "Required: did the call happen?");
        if (body.MetNeeds is null) errors.Add("metNeeds", "Required: did it meet the prospect's needs?");
        var gift = GiftValidator.Validate(body.Gift, body.Happened, errors);
        return new DebriefInput(body.Happened ?? false, body.MetNeeds ?? false,
            errors.Optional("concerns", body.Concerns), errors.Optional("landmines", body.Landmines), errors.Optional("notes", body.Notes), gift);
    }
}

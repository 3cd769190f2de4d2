using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>The optional gift of a debrief, checked at the edge: errors name "gift.kind" and "gift.note".</summary>
public static class GiftValidator
{
    public static Gift? Validate(GiftBody? body, bool? happened, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body is null || (string.IsNullOrWhiteSpace(body.Kind) && string.IsNullOrWhiteSpace(body.Note))) return null;
        var kind = errors.Enum<GiftKind>("gift.kind", body.Kind);
        var note = errors.Optional("gift.note", body.Note, Gift.MaxNoteLength);
        // The thank-you, and so its gift, goes out only for a call that happened.
        if (happened == false) errors.Add("gift", "A gift goes with the thanks for a call that happened; leave it out when it did not.");
        return new Gift(kind, note);
    }
}

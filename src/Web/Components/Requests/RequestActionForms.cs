using ReferenceFlow.Api.Requests;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The request page's forms, as posted.</summary>
public sealed class CancelForm
{
    public string? Reason { get; set; }

    /// <summary>"yes" once the person has seen what cancelling does and confirmed it.</summary>
    public string? Confirmed { get; set; }
}

public sealed class DebriefForm
{
    public string? Happened { get; set; }
    public string? MetNeeds { get; set; }
    public string? Concerns { get; set; }
    public string? Landmines { get; set; }
    public string? Notes { get; set; }
    public string? GiftKind { get; set; }
    public string? GiftNote { get; set; }

    /// <summary>"yes" once the person confirmed that a call planned for later already took place.</summary>
    public string? Confirmed { get; set; }

    /// <summary>
    /// The debrief as the API takes it, checked the same way: a value the form does not offer (a gift it does not list,
    /// text past its length) is an error, never quietly changed. A gift note without a kind is an "other" gift; a call
    /// that did not happen has no thanks, so no gift.
    /// </summary>
    public DebriefInput Read(FieldErrors errors)
    {
        var happened = Happened != "no";
        var kind = string.IsNullOrWhiteSpace(GiftKind) && !string.IsNullOrWhiteSpace(GiftNote) ? nameof(Domain.Requests.GiftKind.Other) : GiftKind;
        return DebriefInput.From(new DebriefBody(happened, MetNeeds == "yes", Concerns, Landmines, Notes, happened ? new GiftBody(kind, GiftNote) : null), errors);
    }

    /// <summary>The form's label for a field the API names.</summary>
    public static string Label(string field) => field switch
    {
        "gift.kind" => "What we give",
        "gift.note" => "Gift note",
        "concerns" => "Lingering concerns",
        "landmines" => "Competitor landmines heard",
        "notes" => "Notes",
        _ => field,
    };

    public static string GiftLabel(GiftKind kind) => kind.Words();
}

public sealed class OutcomeForm
{
    public string? Value { get; set; }
}

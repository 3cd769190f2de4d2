using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The request page's forms, as posted.</summary>
public sealed class CancelForm
{
    public string? Reason { get; set; }
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

    /// <summary>The gift chosen, if any; a note without a kind is an "other" gift.</summary>
    public Gift? ChosenGift(string? note) =>
        Enum.TryParse<GiftKind>(GiftKind, out var kind) && Enum.IsDefined(kind) ? new Gift(kind, note)
        : note is not null ? new Gift(Domain.Requests.GiftKind.Other, note) : null;

    public static string GiftLabel(GiftKind kind) => kind switch
    {
        Domain.Requests.GiftKind.WhitePaper => "A white paper",
        Domain.Requests.GiftKind.EventTicket => "An event ticket",
        Domain.Requests.GiftKind.SpeakingSlot => "A speaking slot",
        _ => "Something else",
    };
}

public sealed class OutcomeForm
{
    public string? Value { get; set; }
}

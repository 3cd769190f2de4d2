namespace ReferenceFlow.Domain.Requests;

/// <summary>What we give a reference, as a label for the debrief form and its messages.</summary>
public static class GiftWords
{
    public static string Words(this GiftKind kind) => kind switch
    {
        GiftKind.WhitePaper => "A white paper",
        GiftKind.EventTicket => "An event ticket",
        GiftKind.SpeakingSlot => "A speaking slot",
        GiftKind.Other => "Something else",
        _ => "Unknown gift",
    };
}

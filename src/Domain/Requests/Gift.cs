namespace ReferenceFlow.Domain.Requests;

/// <summary>What a reference was given with their thank-you (domain.md, "Gratitude").</summary>
public enum GiftKind { WhitePaper, EventTicket, SpeakingSlot, Other }

/// <summary>A gift that came with a thank-you, and an optional short note ("Gartner report on data platforms").</summary>
public sealed record Gift(GiftKind Kind, string? Note = null)
{
    public const int MaxNoteLength = 200;

    /// <summary>The gift in a few words, for the email, the timeline and the pages.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            GiftKind.WhitePaper => "a white paper",
            GiftKind.EventTicket => "an event ticket",
            GiftKind.SpeakingSlot => "a speaking slot",
            _ => "a gift",
        };
        return string.IsNullOrWhiteSpace(Note) ? what : $"{what} ({Note.Trim()})";
    }
}

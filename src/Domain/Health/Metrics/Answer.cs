namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>How an owner or a reference answered an ask; no answer by the deadline is an answer too.</summary>
public enum Answer
{
    OwnerApproved,
    OwnerDeclined,
    OwnerSilent,
    ReferenceAccepted,
    ReferenceDeclined,
    ReferenceSilent,

    /// <summary>The owner's standing approval answered for them, at once.</summary>
    StandingApproval,
}

public static class Answers
{
    /// <summary>Reasons are free text (up to 2,000 characters); grouped by their first words, spaces tidied.</summary>
    public const int ReasonLength = 120;

    public static string? Reason(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tidy = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return tidy.Length <= ReasonLength ? tidy : tidy[..ReasonLength].TrimEnd() + "…";
    }

    public static string Words(this Answer answer) => answer switch
    {
        Answer.OwnerApproved => "Owner approved",
        Answer.OwnerDeclined => "Owner declined",
        Answer.OwnerSilent => "Owner did not answer",
        Answer.ReferenceAccepted => "Reference accepted",
        Answer.ReferenceDeclined => "Reference declined",
        Answer.ReferenceSilent => "Reference did not answer",
        Answer.StandingApproval => "Approved in advance (standing approval)",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}

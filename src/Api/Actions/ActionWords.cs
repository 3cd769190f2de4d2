using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Api.Actions;

/// <summary>The action page's wording for each kind of ask and each decision.</summary>
public static class ActionWords
{
    /// <summary>The page's question; the reference reads it from <paramref name="company"/>, our company.</summary>
    public static string Heading(string action, string company) => action == ActionNames.OwnerApproval
        ? "May we ask your customer to speak with this prospect?"
        : $"Would you speak with a company considering {company}?";

    public static string Label(string decision) => decision switch
    {
        ActionNames.Approve => "Approve",
        ActionNames.Accept => "Yes, I'll take the call",
        ActionNames.Decline => "Decline",
        _ => decision,
    };

    public static string NextStep(string decision) => decision switch
    {
        ActionNames.Approve => "We will now ask the reference whether they can take the call. You will be copied on the introduction.",
        ActionNames.Accept => "You will receive a short briefing and an introduction with a proposed time shortly.",
        _ => "We will look for another reference. Thank you for letting us know.",
    };
}

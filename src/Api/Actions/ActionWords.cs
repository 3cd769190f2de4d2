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

    /// <summary>The owner's "from now on" box, beside their decision.</summary>
    public static string FromNowOnOffer(string contactName) =>
        $"Also approve future asks for {Words.FirstName(contactName)}: they will go straight to {Words.FirstName(contactName)}, "
        + "within the calls agreed per quarter. You will get a note each time, with a link to stop.";

    /// <summary>The confirmation once the owner's "from now on" is set.</summary>
    public static string FromNowOnSet(string contactName) =>
        $"From now on, asks for {Words.FirstName(contactName)} go straight to {Words.FirstName(contactName)}. "
        + "You will get a note each time, with a link to stop.";

    public static string NextStep(string decision) => decision switch
    {
        ActionNames.Approve => "We will now ask the reference whether they can take the call. You will be copied on the introduction.",
        ActionNames.Accept => "You will receive a short briefing and an introduction with a proposed time shortly.",
        _ => "We will look for another reference. Thank you for letting us know.",
    };
}

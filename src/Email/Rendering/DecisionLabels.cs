using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email.Rendering;

/// <summary>Button words and colours for the decisions of api.md.</summary>
internal static class DecisionLabels
{
    public static string Label(string decision) => decision switch
    {
        ActionNames.Approve => "Approve",
        ActionNames.Accept => "Accept",
        ActionNames.Decline => "Decline",
        _ => char.ToUpperInvariant(decision[0]) + decision[1..],
    };

    public static string Colour(string decision) => decision == ActionNames.Decline ? "#6b7280" : "#1d4ed8";
}

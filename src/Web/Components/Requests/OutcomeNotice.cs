using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Web.Components.Requests;

/// <summary>The request page's confirmation after an outcome is recorded: its <c>?notice=</c> value and what it says.</summary>
public static class OutcomeNotice
{
    public static string For(DealOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>The confirmation for a <c>?notice=</c> value, or null when it names no outcome.</summary>
    public static string? Text(string? notice) =>
        Enum.GetValues<DealOutcome>().Where(o => For(o) == notice).Select(Says).FirstOrDefault();

    private static string Says(DealOutcome outcome) => outcome switch
    {
        DealOutcome.Won => "Outcome recorded: Won. The reference will hear that their help mattered.",
        _ => $"Outcome recorded: {outcome}. We'll let the reference know and thank them.",
    };
}

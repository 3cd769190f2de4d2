using System.Globalization;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Readiness;

/// <summary>
/// Keeps references for deals that need them: a request too early in the cycle is deferred with
/// alternatives; one needed inside the minimum lead time is rushed and routed to the program manager.
/// </summary>
public static class ReadinessGate
{
    // CRM stage names that mean the buyer is still finding out what they need.
    private static readonly HashSet<string> EarlyStages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Lead", "Prospecting", "Prospect", "Qualification", "Qualify", "Discovery", "Discover", "Needs Analysis", "Exploring",
    };

    public static bool IsEarlyStage(string stage) => EarlyStages.Contains(stage.Trim());

    public static ReadinessVerdict Assess(RequestIntake intake, DateTimeOffset now, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(policy);

        var tooEarly = new List<string>();
        if (intake.Purpose == Purpose.Exploring)
        {
            tooEarly.Add("the prospect is still exploring");
        }

        if (IsEarlyStage(intake.Opportunity.Stage))
        {
            tooEarly.Add($"the opportunity is at an early stage ({intake.Opportunity.Stage.Trim()})");
        }

        var q = intake.Qualification;
        AddIf(tooEarly, !q.DecisionMakerBuyIn, "no decision-maker buy-in yet");
        AddIf(tooEarly, !q.TechnicalApproval, "no technical approval yet");
        AddIf(tooEarly, !q.BudgetConfirmed, "budget not confirmed");
        AddIf(tooEarly, !q.Finalist, "we are not a finalist yet");
        AddIf(tooEarly, string.IsNullOrWhiteSpace(intake.Commitment), "no counter-commitment from the prospect (what happens once the call is done)");

        if (tooEarly.Count > 0)
        {
            return new ReadinessVerdict(ReadinessOutcome.Deferred, tooEarly, Alternatives(intake));
        }

        var neededBy = new DateTimeOffset(intake.NeededBy.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var lead = neededBy - now;
        if (lead < policy.MinimumLeadTime)
        {
            // A date names a whole day: needed by today has not passed yet.
            var reason = intake.NeededBy < DateOnly.FromDateTime(now.UtcDateTime)
                ? $"needed by {TimeWords.Date(intake.NeededBy)}, which has already passed"
                : string.Create(CultureInfo.InvariantCulture, $"needed by {TimeWords.Date(intake.NeededBy)}, inside the minimum lead time of {policy.MinimumLeadTime.TotalDays:0.#} day{(policy.MinimumLeadTime.TotalDays == 1 ? "" : "s")}");
            return new ReadinessVerdict(ReadinessOutcome.Rushed, [reason], []);
        }

        return new ReadinessVerdict(ReadinessOutcome.Ready, [], []);
    }

    private static void AddIf(List<string> reasons, bool condition, string reason)
    {
        if (condition)
        {
            reasons.Add(reason);
        }
    }

    private static IReadOnlyList<string> Alternatives(RequestIntake intake) => [.. DeferralAlternative.For(intake).Select(a => a.Text)];
}

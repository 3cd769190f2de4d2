using Microsoft.DurableTask;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>Every effect of one decision (<see cref="DecisionApplier"/>); returns the emails the mail server refused for good.</summary>
[DurableTask(WorkflowNames.ApplyDecision)]
public sealed class ApplyDecisionActivity(DecisionApplier applier) : TaskActivity<Decision, IReadOnlyList<EffectFailure>>
{
    // The engine gives activities no token; each storage and SMTP call has its own timeout.
    public override Task<IReadOnlyList<EffectFailure>> RunAsync(TaskActivityContext context, Decision input) =>
        applier.ApplyAsync(input, CancellationToken.None);
}

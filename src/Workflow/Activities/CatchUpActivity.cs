using Microsoft.DurableTask;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>Lets a request's orchestration catch up with its history when it is behind (<see cref="RequestCommandHandler.CatchUpIfBehindAsync"/>).</summary>
[DurableTask(WorkflowNames.CatchUp)]
public sealed class CatchUpActivity(RequestCommandHandler handler) : TaskActivity<string, Handled>
{
    // The engine gives activities no token; each storage and SMTP call has its own timeout.
    public override Task<Handled> RunAsync(TaskActivityContext context, string input) =>
        handler.CatchUpIfBehindAsync(input, CancellationToken.None);
}

using Microsoft.DurableTask;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>Hands a command that reached a request's orchestration (or its timer) to the request's handler.</summary>
[DurableTask(WorkflowNames.HandleCommand)]
public sealed class HandleCommandActivity(RequestCommandHandler handler) : TaskActivity<CommandForRequest, Handled>
{
    // The engine gives activities no token; each storage and SMTP call has its own timeout.
    public override Task<Handled> RunAsync(TaskActivityContext context, CommandForRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return handler.HandleAsync(input.RequestId, input.Message, CancellationToken.None);
    }
}

using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Functions;

/// <summary>Every quarter of an hour, the requests whose orchestration failed start again from their history, as the Web host's job does.</summary>
public sealed class FailedRequestsFunction(RequestWorkflow workflow)
{
    [Function("RestartFailedRequests")]
    public Task<int> RunAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        workflow.RestartFailedAsync(cancellationToken);
}

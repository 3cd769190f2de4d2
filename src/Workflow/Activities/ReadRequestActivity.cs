using Microsoft.DurableTask;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>
/// The request as its history stands, for an orchestration that found the history ahead of its own state (an engine that
/// lost part of its own progress to a crash): the product's history is the record, and the request goes on from it.
/// </summary>
[DurableTask(WorkflowNames.ReadRequest)]
public sealed class ReadRequestActivity(RequestStore store) : TaskActivity<string, RequestSnapshot>
{
    public override async Task<RequestSnapshot> RunAsync(TaskActivityContext context, string input) =>
        await store.LoadAsync(input, CancellationToken.None) ?? throw new InvalidOperationException($"Request {input} has no history.");
}

using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Web.Workflow;

/// <summary>Starts again, every quarter of an hour, the requests whose orchestration failed (<see cref="RequestWorkflow.RestartFailedAsync"/>).</summary>
public sealed class FailedRequestsJob(RequestWorkflow workflow, TimeProvider clock, ILogger<FailedRequestsJob> logger)
    : PeriodicJob(RequestWorkflow.FailedLookEvery, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => workflow.RestartFailedAsync(ct);
}

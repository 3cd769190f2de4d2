using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ReferenceFlow.Workflow.Tests.Support;

/// <summary>
/// The engine's client, except that one instance reads as still starting (<see cref="OrchestrationRuntimeStatus.Pending"/>)
/// for its first <c>pendingLooks</c> looks: what a request's orchestration looks like while its first execution is not
/// saved, which the embedded engine, quick to run it, cannot be made to show. Records the look at which an event was raised.
/// </summary>
internal sealed class StartingClient(DurableTaskClient engine, string starting, int pendingLooks) : DurableTaskClient(engine.Name)
{
    private int _looks;

    /// <summary>How many looks at the instance came before its event was raised; null while none was.</summary>
    public int? RaisedAfterLooks { get; private set; }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var found = await engine.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);
        if (instanceId != starting || found is null) return found;
        return ++_looks <= pendingLooks
            ? new OrchestrationMetadata(found.Name, found.InstanceId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Pending, CreatedAt = found.CreatedAt, LastUpdatedAt = found.LastUpdatedAt,
            }
            : found;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (instanceId == starting) RaisedAfterLooks ??= _looks;
        return engine.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => engine.GetAllInstancesAsync(filter);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        engine.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        engine.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        engine.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        engine.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        engine.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

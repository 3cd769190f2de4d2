using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReferenceFlow.Workflow.Tests.Support;

/// <summary>
/// One execution of an orchestrator outside the engine, for what the engine does only when it misbehaves: each activity
/// call is answered by <see cref="Answer"/>, timers fire at once, no event arrives, and the input it continues with is kept.
/// </summary>
public sealed class ScriptedOrchestrationContext(string instanceId, DateTime now) : TaskOrchestrationContext
{
    public Func<TaskName, object?, object?> Answer { get; init; } = (_, _) => null;

    public List<string> Activities { get; } = [];

    public object? ContinuedWith { get; private set; }

    public override TaskName Name => "Scripted";

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => now;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T GetInput<T>() => default!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        Activities.Add(name.Name);
        try
        {
            return Task.FromResult((TResult)Answer(name, input)!);
        }
        catch (Exception e)
        {
            return Task.FromException<TResult>(e);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => new TaskCompletionSource<T>().Task;

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
    }

    public override void SetCustomStatus(object? customStatus)
    {
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => ContinuedWith = newInput;

    public override Guid NewGuid() => Guid.NewGuid();

    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();
}

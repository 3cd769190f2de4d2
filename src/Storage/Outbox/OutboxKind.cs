namespace ReferenceFlow.Storage.Outbox;

public enum OutboxKind
{
    /// <summary>An effect for the "work" queue.</summary>
    Work,

    /// <summary>A <see cref="Domain.Workflow.StartTimer"/> for the "timers" queue and the due-time index.</summary>
    Timer,

    /// <summary>Refresh the stream's summary read model (done in process, no queue).</summary>
    Summary,
}

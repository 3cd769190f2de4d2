namespace ReferenceFlow.Engine;

/// <summary>
/// Section <c>ReferenceFlow:Engine</c>: the embedded Durable Task engine on the Azure Storage
/// backend. The defaults are the settings measured to matter on Azurite and Azure Storage.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "ReferenceFlow:Engine";

    /// <summary>The task hub: its queues, tables and lease blobs in the storage account. Functions and this engine can share one.</summary>
    public string TaskHub { get; set; } = "referenceflow";

    /// <summary>Control queues (1–16): at most this many replicas share the orchestrations.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest pause between queue polls when idle. The library's 30 s makes timers fire up to half a minute late.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a crashed replica's dequeued orchestration messages stay hidden before another replica sees them.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The same for activities (the worker renews it while an activity runs).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Partition lease length; a replica that stops renewing loses its partitions after this.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// This replica's identity in partition leases. Keep it stable across restarts (a restart with the same id
    /// takes its leases back at once; a new id waits for the old leases to expire). Empty: the machine name.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>False: client only — this replica starts and signals requests; others (Functions, worker replicas) run them.</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Loopback port of the engine's gRPC endpoint; 0 picks a free one at start.</summary>
    public int GrpcPort { get; set; }

    public int MaxConcurrentActivities { get; set; } = 20;

    public int MaxConcurrentOrchestrations { get; set; } = 50;

    /// <summary>How long start-up keeps trying to reach storage to create the task hub before the host gives up (it answers 503 meanwhile).</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

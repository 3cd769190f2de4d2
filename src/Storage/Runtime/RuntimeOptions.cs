namespace ReferenceFlow.Storage.Runtime;

/// <summary>Section <c>ReferenceFlow:Runtime</c>: how the workers and sweepers behave.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "ReferenceFlow:Runtime";

    /// <summary>Messages processed at once per queue worker.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>The longest pause between polls of an empty queue.</summary>
    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a received effect stays hidden; sized for the slowest handler (calendar lookup, SMTP).</summary>
    public TimeSpan WorkVisibility { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First retry delay of a failed effect, doubled per delivery.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries before a message goes to its poison queue.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>The longest visibility delay of a timer message (Azure allows 7 days; stay well below).</summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(3);

    public int MaxConflictRetries { get; set; } = 100;

    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Outbox rows younger than this belong to a live dispatch and are left alone.</summary>
    public TimeSpan OutboxSweepGrace { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan TimerSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A timer overdue by more than this is assumed lost and fired by the sweeper.</summary>
    public TimeSpan TimerSweepGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the hosted workers and sweepers (off in hosts that only serve HTTP, and in tests that pump by hand).</summary>
    public bool RunWorkers { get; set; } = true;
}

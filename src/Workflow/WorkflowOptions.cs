namespace ReferenceFlow.Workflow;

/// <summary>
/// Section <c>ReferenceFlow:Workflow</c>: how effects are retried (the orchestration's activities; <see cref="Requests.RequestTurn"/>).
/// </summary>
public sealed class WorkflowOptions
{
    public const string Section = "ReferenceFlow:Workflow";

    /// <summary>Wait before the first retry of a failed effect; doubled on each attempt.</summary>
    public TimeSpan EffectFirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan EffectMaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>About two hours of retries with the defaults: an SMTP or storage outage of that length loses nothing.</summary>
    public int EffectMaxAttempts { get; set; } = 30;

    /// <summary>After the retries ran out, the request waits this long and decides the same command again.</summary>
    public TimeSpan StalledRetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a run that began sending an email holds it: longer than a send with all its SMTP retries (4 attempts of
    /// at most 30 s by default). Another run finding a claim older than this takes it over; that is how long a process
    /// killed while sending delays that email.
    /// </summary>
    public TimeSpan EmailClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public EffectRetry ToRetry() => new(EffectFirstRetry, EffectMaxRetryInterval, EffectMaxAttempts, StalledRetryAfter);
}

/// <summary>How a request retries its activities, and how long it waits before deciding again after they all failed.</summary>
public sealed record EffectRetry(TimeSpan FirstRetry, TimeSpan MaxInterval, int MaxAttempts, TimeSpan StalledRetryAfter);

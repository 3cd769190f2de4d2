namespace ReferenceFlow.Workflow.Erasure;

/// <summary>Section <c>ReferenceFlow:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "ReferenceFlow:Retention";

    /// <summary>A request that ended (its last event) longer ago than this is purged; the program's figures keep it.</summary>
    public TimeSpan FinishedRequests { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often a host looks for requests to purge.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);
}

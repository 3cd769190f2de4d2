using Microsoft.Extensions.Options;
using ReferenceFlow.Workflow.Erasure;

namespace ReferenceFlow.Web.Workflow;

/// <summary>Purges, every <see cref="RetentionOptions.Every"/>, the finished requests past the retention age (<see cref="RequestRetention"/>).</summary>
public sealed class RetentionJob(RequestRetention retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : PeriodicJob(options.Value.Every, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => retention.PurgeAsync(ct);
}

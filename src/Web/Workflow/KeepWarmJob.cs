using ReferenceFlow.Workflow.Health;

namespace ReferenceFlow.Web.Workflow;

/// <summary>Runs keep-warm once a day in this host.</summary>
public sealed class KeepWarmJob(KeepWarmRun run, TimeProvider clock, ILogger<KeepWarmJob> logger) : PeriodicJob(KeepWarmRun.Every, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => run.RunOnceAsync(ct);
}

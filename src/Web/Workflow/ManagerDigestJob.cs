using ReferenceFlow.Api.Digest;

namespace ReferenceFlow.Web.Workflow;

/// <summary>Looks every quarter of an hour whether the program manager's digest is due today (once per day, whichever host sends it).</summary>
public sealed class ManagerDigestJob(ManagerDigestRun run, TimeProvider clock, ILogger<ManagerDigestJob> logger) : PeriodicJob(ManagerDigestRun.Every, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => run.RunOnceAsync(ct);
}

using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Workflow.Health;

namespace ReferenceFlow.Functions;

/// <summary>Keep-warm every morning at 06:00 UTC: the same run the Web host makes daily (once per period, whichever runs it).</summary>
public sealed class KeepWarmFunction(KeepWarmRun run)
{
    [Function("KeepWarm")]
    public Task<int> RunAsync([TimerTrigger("0 0 6 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        run.RunOnceAsync(cancellationToken);
}

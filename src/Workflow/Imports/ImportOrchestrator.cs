using Microsoft.DurableTask;

namespace ReferenceFlow.Workflow.Imports;

/// <summary>
/// A directory import as a Durable Task orchestration (instance id = job id): applies the job's batches a few at a
/// time, continuing as new every so often so its history stays short. A batch that still fails after its retries
/// is tried again after a pause rather than given up: a stored file is never half-imported for good.
/// </summary>
[DurableTask(ImportNames.Orchestrator)]
public sealed class ImportOrchestrator : TaskOrchestrator<ImportRun, int>
{
    private const int AtOnce = 4;
    private const int PerExecution = 40;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<int> RunAsync(TaskOrchestrationContext context, ImportRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var until = Math.Min(input.Batches, input.From + PerExecution);
        var next = input.From;
        try
        {
            for (; next < until; next += AtOnce)
            {
                var wave = Enumerable.Range(next, Math.Min(AtOnce, until - next))
                    .Select(b => context.CallActivityAsync(ImportNames.ApplyBatch, new ImportBatch(input.JobId, b), Retry));
                await Task.WhenAll(wave);
            }
        }
        catch (TaskFailedException)
        {
            // Storage away longer than the retries last: wait, then go on from the wave that failed.
            await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
        }
        if (next < input.Batches)
        {
            context.ContinueAsNew(input with { From = next });
        }
        return next;
    }
}

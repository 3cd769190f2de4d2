using Microsoft.DurableTask;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Workflow.Imports;

/// <summary>
/// Writes one batch of an import into the directory (contacts merged by id) and marks it done. Applying a batch
/// again gives the same directory and the same counts: created is what the directory lacked when the file was read.
/// </summary>
[DurableTask(ImportNames.ApplyBatch)]
public sealed class ApplyImportBatchActivity(IReferenceDirectory directory, ImportJobStore jobs) : TaskActivity<ImportBatch, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, ImportBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var accounts = await jobs.BatchAsync(input.JobId, input.Batch, ct);
        await directory.MergeManyAsync(accounts.Select(a => a.Account).ToList(), ct);
        var created = accounts.Count(a => a.IsNew);
        await jobs.MarkDoneAsync(input.JobId, input.Batch, created, accounts.Count - created, accounts.Sum(a => a.Lines), ct);
        return accounts.Count;
    }
}

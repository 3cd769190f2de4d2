using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Workflow.Imports;

/// <summary>Starts directory imports in the background and reads their progress.</summary>
public sealed class ReferenceImports(DurableTaskClient client, ImportJobStore jobs, IReferenceDirectory directory, TimeProvider clock)
{
    /// <summary>Stores a parsed file (each contact one of its lines) and starts applying it; returns the job id.</summary>
    public async Task<string> StartAsync(
        IReadOnlyList<ReferenceAccount> accounts, IReadOnlyList<ImportRejection> rejected, int rows, string by, CancellationToken ct)
    {
        var id = await StageAsync(accounts, rejected, rows, by, ct);
        await ConfirmAsync(id, ct);
        return id;
    }

    /// <summary>Stores a parsed file without applying it (a preview waiting to be confirmed); returns the job id.</summary>
    public async Task<string> StageAsync(
        IReadOnlyList<ReferenceAccount> accounts, IReadOnlyList<ImportRejection> rejected, int rows, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        // Created or updated is decided against the directory as the file was read, so a retried batch counts the same.
        var known = await directory.SnapshotAsync(ct);
        var imported = accounts.Select(a => new ImportedAccount(a, known.Find(a.ReferenceId) is null, a.Contacts.Count)).ToList();
        await jobs.CreateAsync(id, imported, rejected, rows, by, now, ct);
        return id;
    }

    /// <summary>Starts applying a stored job; false when there is none. Confirming twice starts it once.</summary>
    public async Task<bool> ConfirmAsync(string id, CancellationToken ct)
    {
        if (await jobs.MarkStartedAsync(id, ct) is not { } batches) return false;
        await client.ScheduleNewOrchestrationInstanceAsync(ImportNames.Orchestrator, new ImportRun(id, batches),
            new StartOrchestrationOptions(id).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]), ct);
        return true;
    }

    public Task<ImportJob?> GetAsync(string id, CancellationToken ct) => jobs.GetAsync(id, ct);
}

using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// The whole directory with every contact's usage, as matching and keep-warm read it: the directory's snapshot of
/// the current version and the usage kept up to date in memory, so a submission reads only what changed.
/// </summary>
public sealed class DirectoryWithUsage(IReferenceDirectory directory, IUsageReader usage)
{
    public async Task<DirectoryNow> LoadAsync(CancellationToken ct)
    {
        var snapshot = directory.SnapshotAsync(ct);
        var used = usage.EveryContactAsync(ct);
        return new DirectoryNow(await snapshot.ConfigureAwait(false), await used.ConfigureAwait(false));
    }
}

/// <summary>The directory at its current version and the usage of its contacts.</summary>
public sealed record DirectoryNow(DirectorySnapshot Directory, IReadOnlyList<ContactUsage> Usage)
{
    public IReadOnlyList<ReferenceAccount> Accounts => Directory.Accounts;
}

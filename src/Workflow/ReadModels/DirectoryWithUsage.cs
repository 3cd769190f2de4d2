using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Workflow.ReadModels;

/// <summary>
/// The whole directory with every contact's usage, as matching and keep-warm read it: one place to load it, and the
/// one place a per-version index will replace the full read.
/// </summary>
public sealed class DirectoryWithUsage(IReferenceDirectory directory, IUsageReader usage)
{
    public async Task<(IReadOnlyList<ReferenceAccount> Accounts, IReadOnlyList<ContactUsage> Usage)> LoadAsync(CancellationToken ct)
    {
        var accounts = await directory.ListAsync(ReferenceFilter.All, ct).ConfigureAwait(false);
        var used = await usage.ForContactsAsync(accounts.SelectMany(a => a.Contacts.Select(c => (a.ReferenceId, c.ContactId))), ct).ConfigureAwait(false);
        return (accounts, used);
    }
}

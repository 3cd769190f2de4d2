using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

public static class DirectoryMerge
{
    /// <summary>
    /// Writes an imported account: its contacts merge into the stored account by contact id (an import adds and
    /// replaces contacts, never drops one the file does not mention). True when the account was created.
    /// </summary>
    public static async Task<bool> MergeAsync(this IReferenceDirectory directory, ReferenceAccount account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(account);
        var existing = await directory.GetAsync(account.ReferenceId, ct).ConfigureAwait(false);
        var merged = existing is null ? account : account with
        {
            Contacts = existing.Contacts.Where(c => account.Contacts.All(n => n.ContactId != c.ContactId)).Concat(account.Contacts).ToList(),
        };
        return await directory.UpsertAsync(merged, ct).ConfigureAwait(false);
    }
}

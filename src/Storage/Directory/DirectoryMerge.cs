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
        return await directory.UpsertAsync(Merged(account, existing), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="MergeAsync"/> for many accounts at once (an import's batch): the stored ones are read in one query over
    /// the batch's range of ids and the merged ones written together. Returns how many were created.
    /// </summary>
    public static async Task<int> MergeManyAsync(this IReferenceDirectory directory, IReadOnlyList<ReferenceAccount> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0) return 0;
        var sorted = accounts.OrderBy(a => a.ReferenceId, StringComparer.Ordinal).ToList();
        var stored = (await directory.RangeAsync(sorted[0].ReferenceId, sorted[^1].ReferenceId, ct).ConfigureAwait(false))
            .ToDictionary(a => a.ReferenceId, StringComparer.Ordinal);
        await directory.UpsertManyAsync(sorted.Select(a => Merged(a, stored.GetValueOrDefault(a.ReferenceId))).ToList(), ct).ConfigureAwait(false);
        return sorted.Count(a => !stored.ContainsKey(a.ReferenceId));
    }

    private static ReferenceAccount Merged(ReferenceAccount account, ReferenceAccount? existing) =>
        existing is null ? account : KeepOwnChoices(account, existing) with
        {
            Contacts = existing.Contacts.Where(c => account.Contacts.All(n => n.ContactId != c.ContactId)).Concat(KeepOwnChoices(account, existing).Contacts).ToList(),
        };

    /// <summary>
    /// Creates or replaces an account as a program manager's PUT does, except for what others chose that a file or form
    /// does not know: a contact who left the program themselves stays out, and the owner's standing approval stays.
    /// </summary>
    public static async Task<bool> ReplaceAsync(this IReferenceDirectory directory, ReferenceAccount account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(account);
        var existing = await directory.GetAsync(account.ReferenceId, ct).ConfigureAwait(false);
        return await directory.UpsertAsync(existing is null ? account : KeepOwnChoices(account, existing), ct).ConfigureAwait(false);
    }

    private static ReferenceAccount KeepOwnChoices(ReferenceAccount incoming, ReferenceAccount existing) =>
        KeepLeavers(incoming, existing) with { StandingApproval = incoming.StandingApproval ?? existing.StandingApproval };

    private static ReferenceAccount KeepLeavers(ReferenceAccount incoming, ReferenceAccount existing)
    {
        var left = existing.Contacts.Where(c => c.LeftProgramOn is not null).ToDictionary(c => c.ContactId, c => c, StringComparer.Ordinal);
        if (left.Count == 0) return incoming;
        return incoming with
        {
            Contacts = [.. incoming.Contacts.Select(c => left.TryGetValue(c.ContactId, out var gone) && c.LeftProgramOn is null
                ? c with { LeftProgramOn = gone.LeftProgramOn, ConsentExpires = gone.ConsentExpires }
                : c)],
        };
    }
}

using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>The reference directory: customer accounts with their contacts, one row per account.</summary>
public interface IReferenceDirectory
{
    /// <summary>The account, or null when no account has this id.</summary>
    Task<ReferenceAccount?> GetAsync(string referenceId, CancellationToken cancellationToken = default);

    /// <summary>Accounts matching the filter, ordered by account name.</summary>
    Task<IReadOnlyList<ReferenceAccount>> ListAsync(ReferenceFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an account; true when it was created.</summary>
    Task<bool> UpsertAsync(ReferenceAccount account, CancellationToken cancellationToken = default);

    /// <summary>True when the directory holds no account at all (used by demo seeding).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);
}

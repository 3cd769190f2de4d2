using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>The reference directory: customer accounts with their contacts, one row per account.</summary>
public interface IReferenceDirectory
{
    /// <summary>The account, or null when no account has this id.</summary>
    Task<ReferenceAccount?> GetAsync(string referenceId, CancellationToken cancellationToken = default);

    /// <summary>Every account whose id sorts (ordinally) from <paramref name="firstId"/> to <paramref name="lastId"/>, both
    /// included: one query for an import's batch, whose ids are a range.</summary>
    Task<IReadOnlyList<ReferenceAccount>> RangeAsync(string firstId, string lastId, CancellationToken cancellationToken = default);

    /// <summary>Every account matching the filter, ordered by account name.</summary>
    Task<IReadOnlyList<ReferenceAccount>> ListAsync(ReferenceFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One page of the accounts matching the filter, in <see cref="DirectoryOrder"/>, after the page
    /// <paramref name="continuation"/> ended (a token from <see cref="DirectoryOrder.TokenAfter"/>).</summary>
    Task<DirectoryPage> PageAsync(ReferenceFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>The directory as it is now: the same instance until an account is written.</summary>
    Task<DirectorySnapshot> SnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an account; true when it was created.</summary>
    Task<bool> UpsertAsync(ReferenceAccount account, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces many accounts at once (an import's batch, the demo directory): far fewer round trips
    /// than one <see cref="UpsertAsync"/> each, and readers see the directory's version move once, after all of them.</summary>
    Task UpsertManyAsync(IReadOnlyList<ReferenceAccount> accounts, CancellationToken cancellationToken = default);

    /// <summary>True when the directory holds no account at all (used by demo seeding).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);
}

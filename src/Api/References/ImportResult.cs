using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.References;

/// <summary>POST /api/references/import answer (api.md).</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected);

/// <summary>
/// A parsed file before anything is stored: what the import page previews. <paramref name="Unreadable"/> says why no row
/// could be read at all (no header row, or one without the key columns); it is also the first rejection.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<ReferenceAccount> Accounts, IReadOnlyList<ImportRejection> Rejected, int Rows, string? Unreadable = null)
{
    /// <summary>The owners the file names (its ownerName column), once each.</summary>
    public IReadOnlyList<KnownName> Owners { get; init; } = [];

    public static ImportPlan Refused(string reason) => new([], [new ImportRejection(1, reason)], 0, reason);
}

/// <summary>An import finished at once, started in the background as a job, or refused as unreadable.</summary>
public abstract record ImportOutcome
{
    private ImportOutcome() { }

    public sealed record Finished(ImportResult Result) : ImportOutcome;

    public sealed record Started(string JobId) : ImportOutcome;

    /// <summary>Nothing in the file could be read (<see cref="ImportPlan.Unreadable"/>); nothing was stored.</summary>
    public sealed record Unreadable(string Reason) : ImportOutcome;
}

using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Api.References;

/// <summary>POST /api/references/import answer (api.md).</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected);

/// <summary>A parsed file before anything is stored: what the import page previews.</summary>
public sealed record ImportPlan(IReadOnlyList<ReferenceAccount> Accounts, IReadOnlyList<ImportRejection> Rejected, int Rows);

/// <summary>An import finished at once, or started in the background as a job.</summary>
public abstract record ImportOutcome
{
    private ImportOutcome() { }

    public sealed record Finished(ImportResult Result) : ImportOutcome;

    public sealed record Started(string JobId) : ImportOutcome;
}

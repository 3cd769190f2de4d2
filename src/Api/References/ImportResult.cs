using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.References;

/// <summary>POST /api/references/import answer (api.md).</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected);

public sealed record ImportRejection(int Line, string Error);

/// <summary>A parsed file before anything is stored: what the import page previews.</summary>
public sealed record ImportPlan(IReadOnlyList<ReferenceAccount> Accounts, IReadOnlyList<ImportRejection> Rejected, int Rows);

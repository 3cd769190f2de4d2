namespace ReferenceFlow.Domain.References;

/// <summary>
/// A customer company in the reference directory, with the people who speak for it, and the owner's standing approval
/// when they gave one (asks it covers skip the owner's wait).
/// </summary>
public sealed record ReferenceAccount(
    string ReferenceId,
    string Account,
    string Industry,
    int Employees,
    long AnnualRevenueUsd,
    string Country,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> UseCases,
    IReadOnlyList<string> MigratedFrom,
    string OwnerEmail,
    AccountStatus Status,
    IReadOnlyList<ReferenceContact> Contacts,
    string? HealthNotes = null,
    StandingApproval? StandingApproval = null);

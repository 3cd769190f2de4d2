namespace ReferenceFlow.Domain.References;

/// <summary>A customer company in the reference directory, with the people who speak for it.</summary>
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
    string? HealthNotes = null);

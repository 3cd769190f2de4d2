using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>The account side of a candidate snapshot.</summary>
public sealed record CandidateAccount(
    string Name,
    AccountStatus Status,
    string? CautionNote,
    string OwnerEmail,
    string Industry,
    int Employees,
    string Country,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> UseCases,
    IReadOnlyList<string> MigratedFrom)
{
    public bool Equals(CandidateAccount? other) =>
        other is not null
        && Name == other.Name && Status == other.Status && CautionNote == other.CautionNote
        && OwnerEmail == other.OwnerEmail && Industry == other.Industry && Employees == other.Employees
        && Country == other.Country && Seq.Equal(Products, other.Products)
        && Seq.Equal(UseCases, other.UseCases) && Seq.Equal(MigratedFrom, other.MigratedFrom);

    public override int GetHashCode() => HashCode.Combine(Name, OwnerEmail, Industry, Employees, Country);
}

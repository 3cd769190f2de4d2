using ReferenceFlow.Domain.Common;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Matching;

/// <summary>The person side of a candidate snapshot. Shown to a rep only after the owner approved.</summary>
public sealed record CandidateContact(
    string Name,
    string Email,
    string? Phone,
    string Title,
    Seniority Seniority,
    Persona Persona,
    string TimeZone,
    WorkingHours WorkingHours,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Topics)
{
    public bool Equals(CandidateContact? other) =>
        other is not null
        && Name == other.Name && Email == other.Email && Phone == other.Phone && Title == other.Title
        && Seniority == other.Seniority && Persona == other.Persona && TimeZone == other.TimeZone
        && WorkingHours.Start == other.WorkingHours.Start && WorkingHours.End == other.WorkingHours.End
        && Seq.Equal(WorkingHours.WorkDays, other.WorkingHours.WorkDays)
        && Seq.Equal(Languages, other.Languages) && Seq.Equal(Topics, other.Topics);

    public override int GetHashCode() => HashCode.Combine(Name, Email, Title, Seniority, Persona, TimeZone);
}

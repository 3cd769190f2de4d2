using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Email.Tests;

/// <summary>The people directory as the dispatcher sees it, knowing the names given here (the app's reads Graph and storage).</summary>
internal sealed class KnownPeople(params KnownName[] names) : IPeopleDirectory
{
    public Task<IReadOnlyDictionary<string, StaffMember>> FindAsync(IEnumerable<string> emails, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, StaffMember>>(emails.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(e => e, e => StaffPrecedence.Pick(e, names), StringComparer.OrdinalIgnoreCase));
}

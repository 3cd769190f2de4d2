using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Api.Tests.LinkPages;

/// <summary>A people directory that knows the names it was given, for rendering a page on its own.</summary>
internal sealed class KnownPeople(params (string Email, string Name)[] known) : IPeopleDirectory
{
    public Task<IReadOnlyDictionary<string, StaffMember>> FindAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, StaffMember> found = emails.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            e => e,
            e => known.FirstOrDefault(k => string.Equals(k.Email, e, StringComparison.OrdinalIgnoreCase)) is { Name: { } name } ? new StaffMember(e, name, null) : StaffMember.Unnamed(e),
            StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(found);
    }
}

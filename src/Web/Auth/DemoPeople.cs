using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Web.Auth;

/// <summary>The demo users' names (Development only, <c>ReferenceFlow:DemoUsers</c>): the demo's owners are named before they ever sign in.</summary>
public sealed class DemoPeople(DemoUsers users) : IPeopleSource
{
    public Task<IReadOnlyList<KnownName>> NamesAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnownName>>(users.Find(email) is { Name.Length: > 0 } user
            ? [new KnownName(user.Email, user.Name, NameSource.Demo, user.TimeZone)]
            : []);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Storage.People;
using ReferenceFlow.Workflow.People;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.People;

/// <summary>The people directory over the remembered names on Azurite and two stand-in sources: one that knows, one that fails.</summary>
public sealed class PeopleDirectoryTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private PeopleDirectory Directory(params IPeopleSource[] sources) => new(
        sources, host.Services.GetRequiredService<RememberedNames>(), TimeProvider.System, NullLogger<PeopleDirectory>.Instance);

    [Fact]
    public async Task TheMostTrustedSourceNamesAPersonAndAFailingSourceIsLeftOut()
    {
        var email = $"li.{Guid.NewGuid():N}@vendor.example";
        var people = Directory(new Failing(), new Entra(email, "Li Wei"));
        await people.RememberAsync(new KnownName(email, "Li W.", NameSource.SignIn, "Asia/Singapore"), CancellationToken.None);

        var found = await people.FindAsync([email.ToUpperInvariant(), "nobody@vendor.example"], CancellationToken.None);

        Assert.Equal(("Li Wei", "Asia/Singapore"), (found[email].Name, found[email].TimeZoneId));
        Assert.Equal("nobody@vendor.example", found["nobody@vendor.example"].Shown);
    }

    [Fact]
    public async Task ANameRememberedHereIsSeenAtOnceThoughAnswersAreKept()
    {
        var email = $"sam.{Guid.NewGuid():N}@vendor.example";
        var people = Directory();
        Assert.False((await people.FindAsync([email], CancellationToken.None))[email].IsNamed);

        await people.RememberAsync(new KnownName(email, "Sam Rep", NameSource.Directory), CancellationToken.None);

        Assert.Equal("Sam Rep", (await people.FindAsync([email], CancellationToken.None))[email].Name);
    }

    private sealed class Entra(string email, string name) : IPeopleSource
    {
        public Task<IReadOnlyList<KnownName>> NamesAsync(string asked, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<KnownName>>(StaffPrecedence.Same(asked, email) ? [new KnownName(asked, name, NameSource.Graph)] : []);
    }

    private sealed class Failing : IPeopleSource
    {
        public Task<IReadOnlyList<KnownName>> NamesAsync(string email, CancellationToken cancellationToken) =>
            Task.FromException<IReadOnlyList<KnownName>>(new HttpRequestException("Graph is down"));
    }
}

using ReferenceFlow.Domain.People;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.People;

/// <summary>Staff names remembered in the people table, on the real emulator: one row per address and source.</summary>
public sealed class RememberedNamesTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task EachSourceKeepsItsOwnNameForAnAddressInAnyCase()
    {
        await _storage.People.RememberAsync(new KnownName("Li.Ae@Vendor.Example", "Li Wei", NameSource.SignIn), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("li.ae@vendor.example", "Li W.", NameSource.Directory, "Asia/Singapore"), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("omar@vendor.example", "Omar Haddad", NameSource.SignIn), CancellationToken.None);

        var names = await _storage.People.NamesAsync("LI.AE@VENDOR.EXAMPLE", CancellationToken.None);

        Assert.Equal([(NameSource.SignIn, "Li Wei", (string?)null), (NameSource.Directory, "Li W.", "Asia/Singapore")],
            names.Select(n => (n.Source, n.Name, n.TimeZoneId)).OrderBy(n => n.Source));
        Assert.Equal("Li Wei", StaffPrecedence.Pick("li.ae@vendor.example", names).Name);
    }

    [Fact]
    public async Task ASourceSayingItAgainReplacesWhatItSaidBefore()
    {
        await _storage.People.RememberAsync(new KnownName("jane@vendor.example", "Jane C.", NameSource.SignIn), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("jane@vendor.example", "Jane Carter", NameSource.SignIn), CancellationToken.None);

        var name = Assert.Single(await _storage.People.NamesAsync("jane@vendor.example", CancellationToken.None));

        Assert.Equal("Jane Carter", name.Name);
    }

    [Fact]
    public async Task ASignInsNameAndItsBrowsersZoneArriveApartAndNeitherWipesTheOther()
    {
        await _storage.People.RememberAsync(new KnownName("ana@vendor.example", "Ana Costa", NameSource.SignIn), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("ana@vendor.example", "", NameSource.SignIn, "Europe/Lisbon"), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("ana@vendor.example", "Ana C. Costa", NameSource.SignIn), CancellationToken.None);

        var name = Assert.Single(await _storage.People.NamesAsync("ana@vendor.example", CancellationToken.None));

        Assert.Equal(("Ana C. Costa", "Europe/Lisbon"), (name.Name, name.TimeZoneId));
    }

    [Fact]
    public async Task AZoneAloneIsKeptAndUsedWithANameFromAnotherSource()
    {
        await _storage.People.RememberAsync(new KnownName("omar@vendor.example", "", NameSource.SignIn, "Asia/Dubai"), CancellationToken.None);
        await _storage.People.RememberAsync(new KnownName("omar@vendor.example", "Omar Haddad", NameSource.Directory), CancellationToken.None);

        var person = StaffPrecedence.Pick("omar@vendor.example", await _storage.People.NamesAsync("omar@vendor.example", CancellationToken.None));

        Assert.Equal(("Omar Haddad", "Asia/Dubai"), (person.Name, person.TimeZoneId));
    }

    [Fact]
    public async Task ABlankNameIsNotKeptAndAnUnknownAddressHasNoNames()
    {
        await _storage.People.RememberAsync(new KnownName("sam@vendor.example", "  ", NameSource.SignIn), CancellationToken.None);

        Assert.Empty(await _storage.People.NamesAsync("sam@vendor.example", CancellationToken.None));
        Assert.Empty(await _storage.People.NamesAsync("nobody#?/@vendor.example", CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

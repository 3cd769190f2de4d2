using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Domain.Tests.People;

/// <summary>Which name a person gets when several sources know them: Entra ID, then their own sign-in, then the directory's owner column, then the demo.</summary>
public sealed class StaffPrecedenceTests
{
    private const string Li = "li.ae@vendor.example";

    [Fact]
    public void EntraIdWinsOverEveryOtherSource()
    {
        var member = StaffPrecedence.Pick(Li, [
            new KnownName(Li, "Li from the demo", NameSource.Demo),
            new KnownName(Li, "Li W. (CSV)", NameSource.Directory),
            new KnownName(Li, "Li Wei", NameSource.Graph),
            new KnownName(Li, "Li signing in", NameSource.SignIn),
        ]);

        Assert.Equal("Li Wei", member.Name);
    }

    [Fact]
    public void WithoutEntraIdTheSignInWinsOverTheDirectoryAndTheDirectoryOverTheDemo()
    {
        Assert.Equal("Li Wei", StaffPrecedence.Pick(Li, [new(Li, "Li W.", NameSource.Directory), new(Li, "Li Wei", NameSource.SignIn)]).Name);
        Assert.Equal("Li W.", StaffPrecedence.Pick(Li, [new(Li, "Demo Li", NameSource.Demo), new(Li, "Li W.", NameSource.Directory)]).Name);
        Assert.Equal("Demo Li", StaffPrecedence.Pick(Li, [new(Li, "Demo Li", NameSource.Demo)]).Name);
    }

    [Fact]
    public void ABlankNameFallsThroughToTheNextSource()
    {
        var member = StaffPrecedence.Pick(Li, [new(Li, "  ", NameSource.Graph), new(Li, " Li Wei ", NameSource.Directory)]);

        Assert.Equal("Li Wei", member.Name);
    }

    [Fact]
    public void TheTimeZoneComesFromTheMostTrustedSourceThatHasOne()
    {
        var member = StaffPrecedence.Pick(Li, [
            new(Li, "Li Wei", NameSource.Graph),
            new(Li, "Li", NameSource.SignIn, "Asia/Singapore"),
            new(Li, "Li", NameSource.Demo, "Europe/Paris"),
        ]);

        Assert.Equal(("Li Wei", "Asia/Singapore"), (member.Name, member.TimeZoneId));
    }

    [Fact]
    public void AddressesMatchInAnyCaseAndOtherPeopleAreIgnored()
    {
        var member = StaffPrecedence.Pick("LI.AE@Vendor.Example", [new("omar@vendor.example", "Omar Haddad", NameSource.Graph), new(Li, "Li Wei", NameSource.Demo)]);

        Assert.Equal("Li Wei", member.Name);
    }

    [Fact]
    public void NobodyKnownIsShownByTheWholeAddressNeverItsLocalPart()
    {
        var member = StaffPrecedence.Pick(Li, []);

        Assert.False(member.IsNamed);
        Assert.Equal(Li, member.Shown);
        Assert.Null(member.TimeZoneId);
    }
}

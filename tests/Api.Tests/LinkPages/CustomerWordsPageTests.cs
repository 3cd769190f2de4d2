using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.LinkPages;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Email;

namespace ReferenceFlow.Api.Tests.LinkPages;

/// <summary>
/// The pages a customer opens from our emails speak as our company (its configured name) in plain words: the
/// reference's consent page shows no deal stage, no rep's address, no "Why: Validate" and no enum names; the
/// invitation asks them to be our reference, not to "speak for" their own company. The owner, a colleague, still
/// reads the deal, in labels.
/// </summary>
public sealed class CustomerWordsPageTests
{
    private const string Rep = "riley.rep@vendor.example";

    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging()
        .AddSingleton<IPeopleDirectory>(new KnownPeople((Rep, "Riley Rep")))
        .Configure<EmailOptions>(o => o.CompanyName = "Fabrikam").BuildServiceProvider();

    [Fact]
    public async Task TheReferencesConsentPageSaysWhoAsksAndWhyInPlainWords()
    {
        var html = await LinkPageHtml.RenderAsync<ActionPage>(Services,
            new ActionPageModel.Form("tok", ActionNames.ReferenceConsent, [ActionNames.Accept, ActionNames.Decline], null, Request(), null));

        Assert.Contains("Would you speak with a company considering Fabrikam?", html, StringComparison.Ordinal);
        Assert.Contains("They want to validate specific points with a peer before deciding", html, StringComparison.Ordinal);
        Assert.Contains("A visit to see your setup", html, StringComparison.Ordinal);
        Assert.Contains("Germany", html, StringComparison.Ordinal);
        foreach (var word in new[] { "Negotiation", "Stage", Rep, "riley.rep", ">Validate<", "SiteVisit", "CLevel", "redlines", "· ReferenceFlow" })
        {
            Assert.False(html.Contains(word, StringComparison.Ordinal), $"The consent page shows '{word}'.");
        }
    }

    [Fact]
    public async Task TheOwnersPageReadsTheDealInLabels()
    {
        var html = await LinkPageHtml.RenderAsync<ActionPage>(Services,
            new ActionPageModel.Form("tok", ActionNames.OwnerApproval, [ActionNames.Approve, ActionNames.Decline], null, Request(), null));

        Assert.Contains("Validate specific topics", html, StringComparison.Ordinal);
        Assert.Contains("Site visit by Fri 18 Dec 2026", html, StringComparison.Ordinal);
        Assert.Contains("C-level (Executive)", html, StringComparison.Ordinal);
        Assert.Contains("Negotiation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SiteVisit", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CLevel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInvitationAsksThemToBeOurReferenceWithoutLevelNumbers()
    {
        var html = await LinkPageHtml.RenderAsync<InvitationPage>(Services, new InvitationPageModel.Form("tok", Nomination(), 1));

        Assert.Contains("Would you be a customer reference for Fabrikam?", html, StringComparison.Ordinal);
        Assert.Contains("how it works for you at Wingtip Toys", html, StringComparison.Ordinal);
        Assert.DoesNotContain("speak for", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Level 3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("riley.rep", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheProgramsLimitAtOneCallTheInvitationOffersNoControlThatCanHoldOneValue()
    {
        var one = await LinkPageHtml.RenderAsync<InvitationPage>(Services, new InvitationPageModel.Form("tok", Nomination(), 1));
        var three = await LinkPageHtml.RenderAsync<InvitationPage>(Services, new InvitationPageModel.Form("tok", Nomination(), 3));

        Assert.DoesNotContain("type=\"number\"", one, StringComparison.Ordinal);
        Assert.Contains("at most one call a quarter", one, StringComparison.Ordinal);
        Assert.Contains("type=\"hidden\" name=\"maxCallsPerQuarter\"", one, StringComparison.Ordinal);
        Assert.Contains("id=\"maxCallsPerQuarter\"", three, StringComparison.Ordinal);
    }

    private static RequestState Request()
    {
        var prospect = new ProspectProfile("Acme Health", "Healthcare", 9000, "DE", ["Analytics Cloud"], null, null,
            "Paul Martin", "paul@acme.example", null, Seniority.CLevel, Persona.Executive, "Europe/Berlin", "de");
        var intake = new RequestIntake(new Opportunity("OPP-1001", "Acme Health analytics", "Negotiation", 250_000m, new DateOnly(2027, 1, 15)),
            prospect, Purpose.Validate, ["migration"], Activity.SiteVisit, new DateOnly(2026, 12, 18), new Qualification(true, true, true, true),
            "If the migration story holds, we move to redlines.");
        var candidate = new Candidate("wingtip", "marie", 0.9, ["same industry"],
            new CandidateAccount("Wingtip Toys", AccountStatus.Active, null, "jane.csm@vendor.example", "Retail", 2000, "FR", [], [], []),
            new CandidateContact("Marie Dubois", "marie@wingtip.example", null, "VP Data", Seniority.VP, Persona.Business, "Europe/Paris",
                WorkingHours.Default, ["fr"], ["migration"]));
        return new RequestState { RequestId = "req-7", Intake = intake, RequesterEmail = Rep, Candidates = [candidate], CurrentIndex = 0 };
    }

    private static Nomination Nomination() => new("nom-7", NominationState.Invited, NominationSource.WonDeal, "Loves the product", null,
        "wingtip", "Wingtip Toys", null,
        new ReferenceContact("marie", "Marie Dubois", "marie@wingtip.example", "VP Data", Seniority.VP, Persona.Business, "Europe/Paris",
            ["fr"], [Activity.Call], ["migration"], MaxCallsPerQuarter: 1),
        Rep, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), [], InvitationExpiresAt: new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
}

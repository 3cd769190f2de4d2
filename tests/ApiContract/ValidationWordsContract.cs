using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.ApiContract;

/// <summary>
/// Wrong input is caught, not saved, and the error speaks in the words a person reads: a country or language given by
/// name is refused naming its code, choices are listed by label, a date says what a date looks like.
/// </summary>
public abstract class ValidationWordsContract(IApiHost host)
{
    private readonly HttpClient _rep = host.ClientFor(Keys.Rep);
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    [Fact]
    public async Task ACountryOrLanguageByNameIs400NamingTheFieldAndTheCode()
    {
        var intake = Samples.Intake(crmId: "OPP-GERMANY");
        intake["prospect"]!["country"] = "Germany";
        intake["prospect"]!["language"] = "German";

        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/requests", intake));

        Assert.Equal(["prospect.country", "prospect.language"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'Germany' is a country's name, not its code: send DE for Germany.", errors["prospect.country"].Single());
        Assert.Equal("'German' is a language's name, not its code: send de for German.", errors["prospect.language"].Single());
        var mine = await _rep.GetFromJsonAsync<JsonArray>("/api/requests?mine=true");
        Assert.DoesNotContain(mine!, r => (string?)r!["crmId"] == "OPP-GERMANY");
    }

    [Fact]
    public async Task ChoicesAreListedByLabelAndALabelIsTakenAsWellAsTheName()
    {
        var wrong = Samples.Intake();
        wrong["prospect"]!["seniority"] = "Boss";
        wrong["activity"] = "Lunch";
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/requests", wrong));
        Assert.Equal("'Boss' is not one of Individual contributor, Manager, Director, VP or C-level.", errors["prospect.seniority"].Single());
        Assert.Contains("Site visit", errors["activity"].Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("SiteVisit", errors["activity"].Single(), StringComparison.Ordinal);

        // What the error listed is accepted as it reads.
        var labelled = Samples.Intake();
        labelled["prospect"]!["seniority"] = "C-level";
        labelled["activity"] = "Site visit";
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await _rep.PostAsJsonAsync("/api/requests", labelled)).StatusCode);
    }

    [Fact]
    public async Task ADateThatIsNotOneSaysWhatADateLooksLike()
    {
        var intake = Samples.Intake();
        intake["neededBy"] = "18/12/2026";
        var errors = await ProblemAssert.ValidationErrorsAsync(await _rep.PostAsJsonAsync("/api/requests", intake));
        Assert.Equal("Not a date: write one such as 2026-12-18.", errors["neededBy"].Single());
    }

    [Fact]
    public async Task TheDirectoryRefusesACountryThatIsNotACode()
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync("/api/references?country=Germany"));
        Assert.Equal(["country"], errors.Keys);
        Assert.Contains("send DE", errors["country"].Single(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.ApiContract;

/// <summary>/api/references, the same requests and answers on every host that serves the API.</summary>
public abstract class ReferencesApiContract(IApiHost host)
{
    private readonly HttpClient _pm = host.ClientFor(Keys.ProgramManager);

    [Fact]
    public async Task PutCreatesThenReplacesAndGetReturnsTheAccount()
    {
        var id = "acc-" + Guid.NewGuid().ToString("N")[..8];
        var created = await _pm.PutAsJsonAsync($"/api/references/{id}", Samples.Reference());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/references/{id}", created.Headers.Location?.OriginalString);

        var changed = Samples.Reference(industry: "Insurance");
        var replaced = await _pm.PutAsJsonAsync($"/api/references/{id}", changed);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var account = await _pm.GetFromJsonAsync<JsonObject>($"/api/references/{id}");
        Assert.Equal("Insurance", (string?)account!["industry"]);
        Assert.Equal("VP", (string?)account["contacts"]![0]!["seniority"]);
        Assert.Equal("Europe/Paris", (string?)account["contacts"]![0]!["timeZone"]);
    }

    [Fact]
    public async Task InvalidFieldsAreReportedByFieldAndNothingIsStored()
    {
        var id = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var body = Samples.Reference(country: "France");
        body["status"] = "Happy";
        body["contacts"]![0]!["timeZone"] = "Paris Time";
        body["contacts"]![0]!["languages"] = new JsonArray("fra");
        body["contacts"]![0]!["email"] = "not-an-email";
        body["contacts"]![0]!["seniority"] = "Boss";

        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.PutAsJsonAsync($"/api/references/{id}", body));

        Assert.Contains("country", errors.Keys);
        Assert.Contains("status", errors.Keys);
        Assert.Contains("contacts[0].timeZone", errors.Keys);
        Assert.Contains("contacts[0].languages", errors.Keys);
        Assert.Contains("contacts[0].email", errors.Keys);
        Assert.Contains("contacts[0].seniority", errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.GetAsync($"/api/references/{id}")).StatusCode);
    }

    [Fact]
    public async Task MalformedJsonNamesTheFieldThatBroke()
    {
        var body = Samples.Reference();
        body["employees"] = "many";
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.PutAsJsonAsync("/api/references/x1", body));
        Assert.Contains("employees", errors.Keys);
    }

    [Fact]
    public async Task UnknownReferenceIsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.GetAsync("/api/references/nobody-here")).StatusCode);

    [Fact]
    public async Task ListFiltersByIndustryCountryStatusActivityTopicAndText()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a = Samples.Reference(industry: $"Mining{tag}", country: "DE");
        a["account"] = $"Deep Mines {tag}";
        var b = Samples.Reference(industry: $"Mining{tag}", country: "JP");
        b["status"] = "Paused";
        b["contacts"]![0]!["topics"] = new JsonArray("security");
        await _pm.PutAsJsonAsync($"/api/references/a{tag}", a);
        await _pm.PutAsJsonAsync($"/api/references/b{tag}", b);

        async Task<string[]> Ids(string query) =>
            (await _pm.GetFromJsonAsync<JsonArray>($"/api/references?{query}"))!.Select(n => (string)n!["referenceId"]!).ToArray();

        Assert.Equal([$"a{tag}", $"b{tag}"], (await Ids($"industry=mining{tag}")).Order().ToArray());
        Assert.Equal([$"a{tag}"], await Ids($"industry=Mining{tag}&country=de"));
        Assert.Equal([$"b{tag}"], await Ids($"industry=Mining{tag}&status=Paused"));
        Assert.Equal([$"b{tag}"], await Ids($"industry=Mining{tag}&topic=security"));
        Assert.Equal([$"a{tag}"], await Ids($"q=deep mines {tag}"));
        Assert.Equal(2, (await Ids($"industry=Mining{tag}&activity=Call")).Length);
        Assert.Empty(await Ids($"industry=Mining{tag}&activity=Press"));
        await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync("/api/references?status=Sleepy"));
    }

    [Fact]
    public async Task ListFiltersByLevelProductAndUsageWithOneContactMeetingThemAll()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var industry = $"Levels{tag}";
        await ProgramDirectory.PutAsync(_pm, $"l3{tag}", industry, [ProgramDirectory.Contact("caller", 2, "Call", "Quote")], products: [$"Edge{tag}"]);
        await ProgramDirectory.PutAsync(_pm, $"l2{tag}", industry, [ProgramDirectory.Contact("logo", 1, "Logo")]);
        await ProgramDirectory.PutAsync(_pm, $"l1{tag}", industry, [ProgramDirectory.Contact("talker", 2, "Webinar", "Speaking")]);
        // Two contacts: one takes calls and was never asked, the other lends a logo and is at its cap.
        await ProgramDirectory.PutAsync(_pm, $"mix{tag}", industry, [ProgramDirectory.Contact("caller", 2, "Call"), ProgramDirectory.Contact("logo", 1, "Logo")]);
        await ProgramDirectory.UseAsync(host, $"l2{tag}", "logo");
        await ProgramDirectory.UseAsync(host, $"mix{tag}", "logo");

        async Task<string[]> Ids(string query) =>
            (await _pm.GetFromJsonAsync<JsonArray>($"/api/references?industry={industry}&{query}"))!
                .Select(n => ((string)n!["referenceId"]!).Replace(tag, "", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["l3", "mix"], await Ids("level=3"));
        Assert.Equal(["l2", "mix"], await Ids("level=2"));
        Assert.Equal(["l1"], await Ids("level=1"));
        Assert.Equal(["l2", "mix"], await Ids("usage=overAsked"));
        Assert.Equal(["l1", "l3", "mix"], await Ids("usage=NEVERASKED"));
        Assert.Equal(["l2", "mix"], await Ids("level=2&usage=overAsked"));
        Assert.Empty(await Ids("level=3&usage=overAsked"));
        Assert.Equal(["l3"], await Ids($"product=edge{tag}"));
        Assert.Equal(["l3"], await Ids($"product=Edge{tag}&level=3&usage=neverAsked&activity=Quote"));
        Assert.Empty(await Ids($"product=Edge{tag}&level=2"));
    }

    [Theory]
    [InlineData("level=4", "level")]
    [InlineData("level=two", "level")]
    [InlineData("level=-1", "level")]
    [InlineData("usage=tired", "usage")]
    [InlineData("activity=Juggling", "activity")]
    public async Task ListRefusesFilterValuesItDoesNotKnowByField(string query, string field)
    {
        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync($"/api/references?{query}"));
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task ListIsPagedByAccountNameAndAWriteShowsOnTheNextRead()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (id, name) in new[] { ("p3", "Cedar"), ("p1", "alder"), ("p4", "Dogwood"), ("p2", "Birch"), ("p5", "Elm") })
        {
            var body = Samples.Reference(industry: $"Paging{tag}");
            body["account"] = $"{name} {tag}";
            Assert.True((await _pm.PutAsJsonAsync($"/api/references/{id}{tag}", body)).IsSuccessStatusCode);
        }

        var seen = new List<string>();
        var next = $"/api/references?industry=paging{tag}&pageSize=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await _pm.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => (string)n!["referenceId"]!));
            next = response.Headers.TryGetValues("Link", out var links) ? RequestsApiContract.NextLink(links.Single()) : null;
            Assert.True(next is null || next.Contains($"industry=paging{tag}", StringComparison.Ordinal), "the next page keeps the filters");
            pages++;
        }
        Assert.Equal([$"p1{tag}", $"p2{tag}", $"p3{tag}", $"p4{tag}", $"p5{tag}"], seen);
        Assert.Equal(3, pages);

        // The directory each read serves is the one after the last write, on whichever host wrote it.
        var renamed = Samples.Reference(industry: $"Paging{tag}");
        renamed["account"] = $"Aaa first {tag}";
        await _pm.PutAsJsonAsync($"/api/references/p5{tag}", renamed);
        var first = await _pm.GetFromJsonAsync<JsonArray>($"/api/references?industry=paging{tag}&pageSize=1");
        Assert.Equal($"p5{tag}", (string)first![0]!["referenceId"]!);

        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.GetAsync("/api/references?continuation=bm90LWpzb24"));
        Assert.Equal(["continuation"], errors.Keys);
    }

    [Fact]
    public async Task CsvImportCreatesUpdatesAndRejectsByLine()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await _pm.PutAsJsonAsync($"/api/references/old{tag}", Samples.Reference());
        var csv = new StringBuilder()
            .AppendLine("referenceId,account,industry,employees,country,products,ownerEmail,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities,topics")
            .AppendLine($"new{tag},Fabrikam Bank,Financial Services,800,GB,Analytics Cloud;Forecasting,omar.csm@demo.local,Active,ann,Ann Lee,ann@fabrikam.example,CFO,CLevel,Executive,Europe/London,en,Call;Quote,ROI;migration")
            .AppendLine($"new{tag},Fabrikam Bank,Financial Services,800,GB,Analytics Cloud,omar.csm@demo.local,Active,bob,Bob Ray,bob@fabrikam.example,Admin,IC,Technical,Europe/London,en,Call,administration")
            .AppendLine($"old{tag},Contoso Health,Healthcare,12000,FR,Analytics Cloud,jane.csm@demo.local,Active,luc,Luc Roy,luc@contoso.example,CIO,CLevel,Technical,Europe/Paris,fr,Call,security")
            .AppendLine($"bad{tag},Broken Inc,Retail,ten,XX,,someone,Active,zed,Zed,zed@broken.example,CEO,CLevel,Executive,Mars/Base,en,Call,")
            .ToString();

        var response = await _pm.PostAsync("/api/references/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)result!["created"]!);
        Assert.Equal(1, (int)result["updated"]!);
        var rejected = Assert.Single(result["rejected"]!.AsArray());
        Assert.Equal(5, (int)rejected!["line"]!);
        Assert.Contains("employees", (string)rejected["error"]!, StringComparison.Ordinal);
        Assert.Contains("timeZone", (string)rejected["error"]!, StringComparison.Ordinal);

        var imported = await _pm.GetFromJsonAsync<JsonObject>($"/api/references/new{tag}");
        Assert.Equal(2, imported!["contacts"]!.AsArray().Count);
        var merged = await _pm.GetFromJsonAsync<JsonObject>($"/api/references/old{tag}");
        Assert.Equal(["marie", "luc"], merged!["contacts"]!.AsArray().Select(c => (string)c!["contactId"]!).ToArray());
    }

    [Fact]
    public async Task ALargeImportRunsInTheBackgroundWithProgressAndItsRejectedLines()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder(CsvHeader);
        // More accounts than an answer waits for, two contacts each, and two lines that cannot be taken.
        for (var i = 0; i < ReferenceFlow.Api.References.ReferenceImporter.InlineAccounts + 20; i++)
        {
            csv.AppendLine(CsvLine($"big{tag}{i:D4}", $"Bulk {tag} {i:D4}", "anna", "DE"));
            csv.AppendLine(CsvLine($"big{tag}{i:D4}", $"Bulk {tag} {i:D4}", "ben", "DE"));
        }
        csv.AppendLine(CsvLine($"bad{tag}1", "Nowhere Ltd", "anna", "XX"));
        csv.AppendLine(CsvLine($"bad{tag}2", "Nowhere Ltd", "anna", "XX"));

        var response = await _pm.PostAsync("/api/references/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/references/imports/", location, StringComparison.Ordinal);
        JsonObject job;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            job = (await _pm.GetFromJsonAsync<JsonObject>(location))!;
        }
        while ((string?)job["state"] != "Done" && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));
        Assert.Equal("Done", (string?)job["state"]);
        var accounts = ReferenceFlow.Api.References.ReferenceImporter.InlineAccounts + 20;
        Assert.Equal((accounts, 0, 2 * accounts + 2, 2 * accounts + 2), ((int)job["created"]!, (int)job["updated"]!, (int)job["rowsRead"]!, (int)job["rowsTotal"]!));
        Assert.Equal([2 * accounts + 2, 2 * accounts + 3], job["rejected"]!.AsArray().Select(r => (int)r!["line"]!));
        var last = await _pm.GetFromJsonAsync<JsonObject>($"/api/references/big{tag}{accounts - 1:D4}");
        Assert.Equal(2, last!["contacts"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await _pm.GetAsync("/api/references/imports/0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientFor(Keys.Rep).GetAsync(location)).StatusCode);
    }

    private const string CsvHeader =
        "referenceId,account,industry,employees,annualRevenueUsd,country,products,useCases,migratedFrom,ownerEmail,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities,topics,maxCallsPerQuarter,consentExpires\n";

    private static string CsvLine(string id, string account, string contact, string country) =>
        $"{id},{account},Logistics,3200,400000000,{country},Analytics Cloud,route planning,LegacyBI,omar.csm@demo.local,Active,{contact},{contact} Smith,{contact}@{id}.example,Head of Data,Director,Technical,Europe/Berlin,de;en,Call;Quote,migration,1,2030-01-31";

    [Fact]
    public async Task AFileWithoutItsKeyColumnsIsRefusedNamingThemAsTheTemplateDoes()
    {
        var noHeader = await ProblemAssert.ValidationErrorsAsync(
            await _pm.PostAsync("/api/references/import", new StringContent("", Encoding.UTF8, "text/csv")));
        Assert.Equal(["The file has no header row."], noHeader["header"]);

        var wrongHeader = await ProblemAssert.ValidationErrorsAsync(
            await _pm.PostAsync("/api/references/import", new StringContent("account,name\nAcme,Ann\n", Encoding.UTF8, "text/csv")));
        Assert.Equal(["The header row lacks: referenceId, contactId."], wrongHeader["header"]);

        // Any case is read; a column is named as the template spells it.
        var tag = Guid.NewGuid().ToString("N")[..6];
        var lowerCase = "REFERENCEID,account,industry,employees,annualrevenueusd,country,products,owneremail,status,contactid,name,email,title,seniority,persona,timezone,languages,activities,topics\n"
            + $"low{tag},Lowcase Ltd,Retail,50,lots,GB,Analytics Cloud,omar.csm@demo.local,Active,c1,Cy Low,cy@low{tag}.example,CTO,CLevel,Technical,Europe/London,en,Call,ROI\n";
        var result = await (await _pm.PostAsync("/api/references/import", new StringContent(lowerCase, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("annualRevenueUsd:", (string)Assert.Single(result!["rejected"]!.AsArray())!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRefusesAnotherMediaType()
    {
        var response = await _pm.PostAsync("/api/references/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnOwnersNameGivenBesideTheirAddressNamesThemToThePeopleDirectory()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var byApi = $"omar.{tag}@vendor.example";
        var body = Samples.Reference(owner: byApi);
        body["ownerName"] = "Omar Haddad";
        Assert.Equal(HttpStatusCode.Created, (await _pm.PutAsJsonAsync($"/api/references/named{tag}", body)).StatusCode);
        var byCsv = $"ana.{tag}@vendor.example";
        var csv = "referenceId,account,industry,employees,country,ownerEmail,ownerName,status,contactId,name,email,title,seniority,persona,timeZone,languages,activities\n"
            + $"csv{tag},Fabrikam Bank,Financial Services,800,GB,{byCsv},Ana Costa,Active,ann,Ann Lee,ann@fabrikam.example,CFO,CLevel,Executive,Europe/London,en,Call\n";
        Assert.Equal(HttpStatusCode.OK, (await _pm.PostAsync("/api/references/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var people = await host.Services.GetRequiredService<IPeopleDirectory>().FindAsync([byApi, byCsv], CancellationToken.None);

        Assert.Equal(("Omar Haddad", "Ana Costa"), (people[byApi].Name, people[byCsv].Name));
    }

    [Fact]
    public async Task AnOwnersNameLongerThanANameIsRefusedNamingTheField()
    {
        var body = Samples.Reference();
        body["ownerName"] = new string('n', 201);

        var errors = await ProblemAssert.ValidationErrorsAsync(await _pm.PutAsJsonAsync("/api/references/longname", body));

        Assert.Contains("ownerName", errors.Keys);
    }
}

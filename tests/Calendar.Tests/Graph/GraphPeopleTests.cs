using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using ReferenceFlow.Calendar.Graph;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Calendar.Tests.Graph;

/// <summary>Staff names from Entra ID: the Graph adapter against a local server answering <c>/users</c> as Graph does.</summary>
public sealed class GraphPeopleTests : IDisposable
{
    private readonly ReplayServer _server = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _server.Dispose();

    private GraphPeople People(bool staffTimeZones = false)
    {
        var options = new GraphOptions { BaseUrl = new Uri(_server.BaseUri, "v1.0"), StaffTimeZones = staffTimeZones };
        var client = new GraphServiceClient(new TokenCredentialAuthenticationProvider(new StaticCredential(), "https://graph.microsoft.com/.default"), options.BaseUrl.AbsoluteUri);
        return new GraphPeople(client, Options.Create(options), _clock, NullLogger<GraphPeople>.Instance);
    }

    // The shape of Graph's answer to GET /users?$filter=…&$select=id,displayName,userPrincipalName,mail (learn.microsoft.com, List users).
    private const string Adele = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mail)",
         "value":[{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","userPrincipalName":"AdeleV@contoso.com","mail":"AdeleV@contoso.com"}]}
        """;

    // The shape of GET /users/{id}/mailboxSettings (learn.microsoft.com, Get user mailbox settings): Outlook keeps a Windows zone name.
    private const string AdelesMailbox = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/mailboxSettings",
         "timeZone":"W. Europe Standard Time","dateFormat":"dd.MM.yyyy","timeFormat":"HH:mm",
         "workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],"startTime":"08:00:00.0000000","endTime":"17:00:00.0000000",
         "timeZone":{"name":"W. Europe Standard Time"}}}
        """;

    [Fact]
    public async Task AUserIsFoundBySignInNameOrMailWithOnlyTheFieldsNeeded()
    {
        _server.Enqueue(200, Adele);

        var names = await People().NamesAsync("adelev@contoso.com", CancellationToken.None);

        var name = Assert.Single(names);
        Assert.Equal(("adelev@contoso.com", "Adele Vance", NameSource.Graph, (string?)null), (name.Email, name.Name, name.Source, name.TimeZoneId));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", "/v1.0/users"), (request.Method, request.Path));
        Assert.Contains("$filter=userPrincipalName eq 'adelev@contoso.com' or mail eq 'adelev@contoso.com'", request.Query, StringComparison.Ordinal);
        Assert.Contains("$select=id,displayName,userPrincipalName,mail", request.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer test-token", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task WithStaffTimeZonesOnTheZoneComesFromOutlooksSettingsAsAnIanaId()
    {
        _server.Enqueue(200, Adele);
        _server.Enqueue(200, AdelesMailbox);

        var name = Assert.Single(await People(staffTimeZones: true).NamesAsync("adelev@contoso.com", CancellationToken.None));

        Assert.Equal(("Adele Vance", "Europe/Berlin"), (name.Name, name.TimeZoneId));
        Assert.Equal("/v1.0/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/mailboxSettings", _server.Requests[1].Path);
    }

    [Fact]
    public async Task AMailboxPermissionNotGrantedCostsTheZoneButNotTheName()
    {
        _server.Enqueue(200, Adele);
        _server.Enqueue(403, """{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}""");

        var name = Assert.Single(await People(staffTimeZones: true).NamesAsync("adelev@contoso.com", CancellationToken.None));

        Assert.Equal(("Adele Vance", (string?)null), (name.Name, name.TimeZoneId));
    }

    [Fact]
    public async Task ZonesAreNotAskedForUnlessConfigured()
    {
        _server.Enqueue(200, Adele);

        Assert.Null(Assert.Single(await People().NamesAsync("adelev@contoso.com", CancellationToken.None)).TimeZoneId);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task AnAddressIsAskedOncePerCachePeriodEvenWhenGraphDoesNotKnowIt()
    {
        _server.Enqueue(200, """{"value":[]}""");
        _server.Enqueue(200, Adele);
        var people = People();

        Assert.Empty(await people.NamesAsync("adelev@contoso.com", CancellationToken.None));
        Assert.Empty(await people.NamesAsync("AdeleV@Contoso.com", CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(12.5));
        Assert.Equal("Adele Vance", Assert.Single(await people.NamesAsync("adelev@contoso.com", CancellationToken.None)).Name);

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AQuoteInAnAddressCannotBreakOutOfTheFilter()
    {
        _server.Enqueue(200, """{"value":[]}""");

        await People().NamesAsync("o'brien@contoso.com", CancellationToken.None);

        Assert.Contains("userPrincipalName eq 'o''brien@contoso.com'", Assert.Single(_server.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APermissionNotGrantedIsAnErrorThePeopleDirectoryLeavesOut()
    {
        _server.Enqueue(403, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""");

        await Assert.ThrowsAnyAsync<Exception>(() => People().NamesAsync("adelev@contoso.com", CancellationToken.None));
    }
}

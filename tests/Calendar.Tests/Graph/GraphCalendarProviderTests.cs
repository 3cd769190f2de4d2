using ReferenceFlow.TestSupport;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using ReferenceFlow.Calendar.Graph;
using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Calendar.Tests.Graph;

/// <summary>The Graph adapter against a local listener replaying the documented getSchedule responses.</summary>
public sealed class GraphCalendarProviderTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2019, 3, 15, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(4.5);

    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    private GraphCalendarProvider Provider()
    {
        var options = new GraphOptions { BaseUrl = new Uri(_server.BaseUri, "v1.0") };
        var client = new GraphServiceClient(new TokenCredentialAuthenticationProvider(new StaticCredential(), "https://graph.microsoft.com/.default"), options.BaseUrl.AbsoluteUri);
        return new GraphCalendarProvider(client, Options.Create(options));
    }

    // The documented example (learn.microsoft.com, calendar: getSchedule), answered in Pacific time.
    private const string Documented = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
         "value":[{"scheduleId":"adelev@contoso.com","availabilityView":"000220000000000000",
           "scheduleItems":[{"isPrivate":false,"status":"busy","subject":"Let's go for lunch","location":"Harry's Bar",
             "start":{"dateTime":"2019-03-15T12:00:00.0000000","timeZone":"Pacific Standard Time"},
             "end":{"dateTime":"2019-03-15T14:00:00.0000000","timeZone":"Pacific Standard Time"}},
            {"isPrivate":false,"status":"free","subject":"Optional talk",
             "start":{"dateTime":"2019-03-15T15:00:00.0000000","timeZone":"Pacific Standard Time"},
             "end":{"dateTime":"2019-03-15T16:00:00.0000000","timeZone":"Pacific Standard Time"}}],
           "workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],
             "startTime":"08:00:00.0000000","endTime":"17:00:00.0000000","timeZone":{"name":"Pacific Standard Time"}}}]}
        """;

    [Fact]
    public async Task ScheduleItemsAvailabilityViewAndWorkingHoursAreRead()
    {
        _server.Enqueue(200, Documented);

        var availability = await Provider().GetBusyAsync("adelev@contoso.com", "America/Los_Angeles", From, To, CancellationToken.None);

        // Lunch 12:00-14:00 PDT = 19:00-21:00 UTC; the view's "22" at slots 3-4 = 15:45-16:15 UTC. The free item is not busy.
        Assert.Contains(new BusyInterval(new(2019, 3, 15, 19, 0, 0, TimeSpan.Zero), new(2019, 3, 15, 21, 0, 0, TimeSpan.Zero)), availability.Busy);
        Assert.Contains(new BusyInterval(From.AddMinutes(45), From.AddMinutes(60)), availability.Busy);
        Assert.Contains(new BusyInterval(From.AddMinutes(60), From.AddMinutes(75)), availability.Busy);
        Assert.DoesNotContain(availability.Busy, b => b.Start == new DateTimeOffset(2019, 3, 15, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(new TimeOnly(8, 0), availability.WorkingHours!.Start);
        Assert.Equal(new TimeOnly(17, 0), availability.WorkingHours.End);
        Assert.Equal(5, availability.WorkingHours.WorkDays.Count);
        Assert.Equal("Pacific Standard Time", availability.WorkingTimeZone);
    }

    [Fact]
    public async Task TheRequestNamesTheMailboxTheWindowAndExplicitTimeZones()
    {
        _server.Enqueue(200, Documented);

        await Provider().GetBusyAsync("adelev@contoso.com", "America/Los_Angeles", From, To, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/adelev@contoso.com/calendar/getSchedule", Uri.UnescapeDataString(request.Path));
        Assert.Equal("outlook.timezone=\"UTC\"", request.Headers["Prefer"]);
        Assert.Equal("Bearer test-token", request.Headers["Authorization"]);
        // The SDK writes the action's parameters as Graph's metadata spells them (Schedules, StartTime…); Graph reads them case-insensitively.
        var body = JsonSerializer.Deserialize<ScheduleBody>(request.Body, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.Equal(["adelev@contoso.com"], body.Schedules);
        Assert.Equal(new TimeZoned("2019-03-15T15:00:00", "UTC"), body.StartTime);
        Assert.Equal(new TimeZoned("2019-03-15T19:30:00", "UTC"), body.EndTime);
        Assert.Equal(15, body.AvailabilityViewInterval);
    }

    [Fact]
    public async Task A429IsRetriedAfterTheDelayGraphAskedFor()
    {
        _server.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"Please retry after"}}""", headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        _server.Enqueue(200, Documented);

        var availability = await Provider().GetBusyAsync("adelev@contoso.com", "America/Los_Angeles", From, To, CancellationToken.None);

        Assert.NotEmpty(availability.Busy);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(_server.Requests[1].At - _server.Requests[0].At >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task AMailboxErrorIsAClearUnavailableError()
    {
        _server.Enqueue(200, """
            {"value":[{"scheduleId":"nobody@contoso.com","availabilityView":"",
              "error":{"message":"The requested user 'nobody@contoso.com' is invalid.","responseCode":"ErrorInvalidUser"},
              "scheduleItems":[]}]}
            """);

        var error = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provider().GetBusyAsync("nobody@contoso.com", "Europe/Paris", From, To, CancellationToken.None));

        Assert.Equal("ErrorInvalidUser", error.Code);
        Assert.Contains("nobody@contoso.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSlotServiceLogsAMailboxErrorWithoutTheContactsAddress()
    {
        _server.Enqueue(200, """
            {"value":[{"scheduleId":"nobody@contoso.com","availabilityView":"",
              "error":{"message":"The requested user 'nobody@contoso.com' is invalid.","responseCode":"ErrorInvalidUser"},
              "scheduleItems":[]}]}
            """);
        var logger = new RecordingLogger<SlotService>();
        var request = new SlotRequest("Nobody@Contoso.com", "Europe/Paris", WorkingHours.Default, "Europe/Paris", WorkingHours.Default,
            From, From.AddDays(1), TimeSpan.FromMinutes(30));

        await new SlotService(Provider(), logger).FindAsync(request, CancellationToken.None);

        var entry = Assert.Single(logger.Entries);
        Assert.StartsWith("Warning", entry, StringComparison.Ordinal);
        // Why it failed stays readable; whose calendar it was does not.
        Assert.Contains("ErrorInvalidUser", entry, StringComparison.Ordinal);
        Assert.Contains("is invalid", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@contoso.com", entry, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMissingMailboxIsUnavailableRatherThanACrash()
    {
        _server.Enqueue(404, """{"error":{"code":"ErrorItemNotFound","message":"The specified object was not found in the store."}}""");

        var error = await Assert.ThrowsAsync<CalendarUnavailableException>(
            () => Provider().GetBusyAsync("gone@contoso.com", "Europe/Paris", From, To, CancellationToken.None));

        Assert.Equal("ErrorItemNotFound", error.Code);
    }

    private sealed record ScheduleBody(string[] Schedules, TimeZoned StartTime, TimeZoned EndTime, int AvailabilityViewInterval);

    private sealed record TimeZoned(string DateTime, string TimeZone);
}

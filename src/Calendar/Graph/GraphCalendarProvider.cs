using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace ReferenceFlow.Calendar.Graph;

/// <summary>
/// Free/busy from Microsoft Graph's <c>POST /users/{id}/calendar/getSchedule</c> with application credentials.
/// Times go out and come back in UTC (explicit time zones and <c>Prefer: outlook.timezone</c>), so no Windows
/// zone names have to be guessed. 429 and 503 are retried by the SDK's retry handler, which honours Retry-After.
/// </summary>
public sealed class GraphCalendarProvider(GraphServiceClient graph, IOptions<GraphOptions> options) : ICalendarProvider
{
    public async Task<CalendarAvailability> GetBusyAsync(string email, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var interval = options.Value.AvailabilityViewIntervalMinutes;
        var body = new GetSchedulePostRequestBody
        {
            Schedules = [email],
            StartTime = new DateTimeTimeZone { DateTime = Format(from), TimeZone = "UTC" },
            EndTime = new DateTimeTimeZone { DateTime = Format(to), TimeZone = "UTC" },
            AvailabilityViewInterval = interval,
        };
        GetSchedulePostResponse? response;
        try
        {
            response = await graph.Users[email].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
                body, request => request.Headers.Add("Prefer", "outlook.timezone=\"UTC\""), cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            throw new CalendarUnavailableException($"Graph refused the schedule of {email}: {error.Error?.Message ?? error.Message}", error) { Code = error.Error?.Code };
        }
        var schedule = response?.Value?.FirstOrDefault(s => string.Equals(s.ScheduleId, email, StringComparison.OrdinalIgnoreCase))
            ?? response?.Value?.FirstOrDefault()
            ?? throw new CalendarUnavailableException($"Graph returned no schedule for {email}.");
        if (schedule.Error is { } mailboxError)
        {
            throw new CalendarUnavailableException($"Graph has no availability for {email}: {mailboxError.Message}") { Code = mailboxError.ResponseCode };
        }
        var busy = GraphSchedule.BusyItems(schedule)
            .Concat(GraphSchedule.BusyFromView(schedule.AvailabilityView, from, TimeSpan.FromMinutes(interval)))
            .Where(b => b.Overlaps(from, to))
            .OrderBy(b => b.Start)
            .ToList();
        var (hours, zone) = GraphSchedule.WorkingHoursOf(schedule.WorkingHours);
        return new CalendarAvailability(busy, hours, zone);
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}

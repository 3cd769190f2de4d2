using Microsoft.Extensions.Options;

namespace ReferenceFlow.Calendar.Ics;

/// <summary>Busy times from a contact's ICS feed (a published calendar or free/busy URL), fetched over HTTP.</summary>
public sealed class IcsFeedCalendarProvider(HttpClient http, IOptions<CalendarOptions> options) : ICalendarProvider
{
    public async Task<CalendarAvailability> GetBusyAsync(string email, string timeZone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var feed = options.Value.IcsFeeds.FirstOrDefault(f => string.Equals(f.Email, email, StringComparison.OrdinalIgnoreCase))?.Url
            ?? throw new CalendarUnavailableException($"No ICS feed is configured for {email}.");
        string text;
        try
        {
            using var response = await http.GetAsync(feed, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CalendarUnavailableException($"The ICS feed of {email} answered {(int)response.StatusCode}.") { Code = $"{(int)response.StatusCode}" };
            }
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CalendarUnavailableException($"The ICS feed of {email} could not be fetched: {ex.Message}", ex);
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return new CalendarAvailability(IcsBusyReader.Read(text, zone, from, to));
    }
}

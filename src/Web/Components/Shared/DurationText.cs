using System.Globalization;

namespace ReferenceFlow.Web.Components.Shared;

/// <summary>
/// A duration in the unit that reads best: minutes under an hour, hours under two days, days beyond. A request
/// fulfilled in two minutes is "2 min", not "0 h"; three days is "3 days", not "72 h".
/// </summary>
public static class DurationText
{
    public const string None = "–";

    public static string FromHours(double? hours) => hours is { } h ? Of(TimeSpan.FromHours(h)) : None;

    public static string Of(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        if (duration < TimeSpan.FromHours(1))
        {
            var minutes = Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
            // Seconds are noise here; "0 min" would read as "instantly".
            return minutes < 1 ? "under 1 min" : $"{Number(minutes)} min";
        }
        if (duration < TimeSpan.FromHours(48)) return $"{Number(duration.TotalHours)} h";
        return $"{Number(duration.TotalDays)} days";
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

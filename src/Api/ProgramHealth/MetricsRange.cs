using System.Globalization;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Health.Metrics;

namespace ReferenceFlow.Api.ProgramHealth;

/// <summary>
/// The date range of the program's figures: <c>from</c> and <c>to</c> as YYYY-MM-DD (UTC days, both included), to on
/// or after from, at most <see cref="ProgramMetrics.MaxDays"/> days. The API and the page validate it here alike.
/// </summary>
public sealed record MetricsRange(DateOnly From, DateOnly To)
{
    public const string Format = "yyyy-MM-dd";

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last <see cref="ProgramMetrics.DefaultDays"/> days up to <paramref name="today"/>.</summary>
    public static MetricsRange Default(DateOnly today) => new(today.AddDays(1 - ProgramMetrics.DefaultDays), today);

    /// <summary>The range asked for, or null with the reasons added to <paramref name="errors"/> under "from" and "to".</summary>
    public static MetricsRange? Read(string? from, string? to, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = Date("from", from, errors);
        var end = Date("to", to, errors);
        if (start is not { } f || end is not { } t) return null;
        if (t < f)
        {
            errors.Add("to", $"Must be on or after from ({Text(f)}).");
            return null;
        }
        var range = new MetricsRange(f, t);
        if (range.Days > ProgramMetrics.MaxDays)
        {
            errors.Add("to", $"The range covers {range.Days} days; at most {ProgramMetrics.MaxDays}.");
            return null;
        }
        return range;
    }

    public static string Text(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required: a date as YYYY-MM-DD.");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"'{value}' is not a date as YYYY-MM-DD.");
        return null;
    }
}

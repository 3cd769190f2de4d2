using System.Globalization;
using ReferenceFlow.Api.Validation;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Api.Preferences;

/// <summary>The posted form as typed, kept to fill the form again when a field is wrong.</summary>
public sealed record PreferencesForm(string Intent, string? PausedUntil, IReadOnlyList<string> Activities, string? Topics, string? MaxCallsPerQuarter, bool ConfirmLeave)
{
    public const string Save = "save";
    public const string Leave = "leave";
    public const int MaxTopics = 20;
    public const int MaxTopicLength = 80;

    /// <summary>The furthest a pause may reach: a longer break is leaving the program.</summary>
    public const int MaxPauseDays = 366;

    public static PreferencesForm Read(IFormCollection? form) => new(
        form?["intent"].ToString() is { Length: > 0 } intent ? intent : Save,
        form?["pausedUntil"], [.. (form?["activities"] ?? default).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim())],
        form?["topics"], form?["maxCallsPerQuarter"], form?["confirmLeave"].ToString() is "yes" or "on" or "true");

    /// <summary>The change, or null with <paramref name="errors"/> naming each wrong field and the limit it broke.</summary>
    /// <remarks>A cap the program manager set above the program's limit may be kept as it is, only never raised by the contact.</remarks>
    public PreferenceChange? Validate(FieldErrors errors, int programCap, int? currentCap, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Intent == Leave)
        {
            if (!ConfirmLeave) errors.Add("confirmLeave", "Tick the box to confirm you want to leave the program.");
            return errors.Any ? null : new PreferenceChange(null, [], [], null, LeaveProgram: true);
        }
        if (Intent != Save) errors.Add("intent", $"'{Intent}' is not something this page can do.");

        DateOnly? paused = null;
        if (!string.IsNullOrWhiteSpace(PausedUntil))
        {
            if (!DateOnly.TryParseExact(PausedUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add("pausedUntil", "Give a date as YYYY-MM-DD, or leave it empty for no pause.");
            else if (date <= today) errors.Add("pausedUntil", "Choose a date after today, or leave it empty for no pause.");
            else if (date > today.AddDays(MaxPauseDays)) errors.Add("pausedUntil", "A pause lasts at most a year; to stop for longer, leave the program.");
            else paused = date;
        }

        var activities = new List<Activity>();
        foreach (var value in Activities)
        {
            if (Enum.TryParse<Activity>(value, ignoreCase: false, out var a) && Enum.IsDefined(a) && !value.All(char.IsDigit)) activities.Add(a);
            else errors.Add("activities", $"'{value}' is not an activity we ask for.");
        }
        if (Activities.Count == 0) errors.Add("activities", "Choose at least one activity, or leave the program below.");

        var topics = (Topics ?? "").Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (topics.Length > MaxTopics) errors.Add("topics", $"At most {MaxTopics} topics.");
        if (topics.Any(t => t.Length > MaxTopicLength)) errors.Add("topics", $"Each topic has at most {MaxTopicLength} characters.");

        int? cap = null;
        if (!string.IsNullOrWhiteSpace(MaxCallsPerQuarter))
        {
            if (!int.TryParse(MaxCallsPerQuarter.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                errors.Add("maxCallsPerQuarter", "Give a whole number of calls, at least 1 (to stop for a while, pause instead).");
            else if (n > programCap && n != currentCap)
                errors.Add("maxCallsPerQuarter", $"At most {programCap} {(programCap == 1 ? "call" : "calls")} per quarter: that is the program's limit.");
            else cap = n;
        }
        return errors.Any ? null : new PreferenceChange(paused, activities, topics, cap);
    }
}

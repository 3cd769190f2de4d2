using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api.Preferences;

/// <summary>What the self-service page shows: the settings form, the page of someone who left, or why the link cannot be used.</summary>
public abstract record PreferencesPageModel(int Status, string Title)
{
    /// <summary>
    /// The contact's settings and history. <paramref name="Errors"/> (400) are field errors of a rejected change, with
    /// <paramref name="Posted"/> what was sent; <paramref name="Saved"/> the lines a change just recorded.
    /// </summary>
    public sealed record Settings(
        string Token, ReferenceAccount Account, ReferenceContact Contact, int ProgramCap, DateOnly Today, ContactHistory History,
        IReadOnlyList<PreferenceChangeEntry> Log, IReadOnlyDictionary<string, string[]>? Errors = null,
        PreferencesForm? Posted = null, IReadOnlyList<string>? Saved = null)
        : PreferencesPageModel(Errors is null ? 200 : 400, Errors is null ? "How often we ask you" : "Please check the form");

    /// <summary>The contact is out of the program: confirmed just now, or on an earlier day.</summary>
    public sealed record Left(ReferenceContact Contact, ReferenceAccount Account, bool JustNow, ContactHistory History)
        : PreferencesPageModel(200, JustNow ? "You have left the program" : "You are no longer in the program");

    /// <summary>Forged or altered (400), expired (410), no such contact any more (404).</summary>
    public sealed record Refused(int Code, string Heading, string Message) : PreferencesPageModel(Code, Heading);
}

/// <summary>
/// A contact's history with us: the activities they took part in and the thanks they received (with what was given), newest
/// first. <paramref name="Zone"/> is the contact's own (the program's business zone when theirs is unknown): their page shows
/// days and times in it.
/// </summary>
public sealed record ContactHistory(IReadOnlyList<HeldActivity> Held, IReadOnlyList<ThanksRecord> Thanks, TimeZoneInfo Zone)
{
    public int CallsTaken => Held.Count(h => h.Activity == nameof(Activity.Call));

    public int ThanksReceived => Thanks.Count;
}

public sealed record HeldActivity(string Activity, DateTimeOffset At);

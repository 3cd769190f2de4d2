using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Preferences;

/// <summary>
/// Applies a contact's own change to their directory row and says in words what changed, for the change log. Leaving
/// withdraws consent as of yesterday and marks the day they left, so no match or keep-warm reminder picks them again.
/// </summary>
public static class ContactPreferences
{
    public static (ReferenceContact After, IReadOnlyList<string> Changes) Apply(ReferenceContact contact, PreferenceChange change, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(change);
        if (change.LeaveProgram)
        {
            var consent = contact.ConsentExpires is { } e && e < today ? e : today.AddDays(-1);
            return (contact with { LeftProgramOn = today, ConsentExpires = consent }, ["Left the program; consent withdrawn"]);
        }

        var changes = new List<string>();
        var paused = change.PausedUntil is { } p && p > today ? p : (DateOnly?)null;
        var wasPaused = contact.PausedUntil is { } q && q > today ? q : (DateOnly?)null;
        if (paused != wasPaused)
        {
            changes.Add(paused is { } until ? $"Paused until {TimeWords.Date(until)}" : "Pause lifted");
        }

        var activities = change.Activities.Distinct().Order().ToList();
        if (!activities.SequenceEqual(contact.Activities.Distinct().Order()))
        {
            changes.Add($"Activities: {Words.List(activities.Select(a => a.Words()), "none")}");
        }

        var topics = change.Topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!topics.SequenceEqual(contact.Topics, StringComparer.OrdinalIgnoreCase))
        {
            changes.Add($"Topics: {Words.List(topics, "none")}");
        }

        if (change.MaxCallsPerQuarter != contact.MaxCallsPerQuarter)
        {
            changes.Add(change.MaxCallsPerQuarter is { } cap ? $"Calls per quarter: at most {cap}" : "Calls per quarter: the program's usual number");
        }

        var after = contact with { PausedUntil = paused, Activities = activities, Topics = topics, MaxCallsPerQuarter = change.MaxCallsPerQuarter };
        return (changes.Count == 0 ? contact : after, changes);
    }
}

using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Messages;

/// <summary>Something unusual about a proposed call time: a short <paramref name="Badge"/> and the sentence that explains it.</summary>
public sealed record SlotRemark(string Badge, string Explanation);

/// <summary>
/// What is unusual about a proposed call time, said the same way in the introduction and on the request page: the
/// reference's calendar had nothing free inside the slot window (the slot starts after it), or the time falls outside
/// the prospect's usual hours (the finder assumes weekdays 09:00–17:00 in their zone).
/// </summary>
public static class SlotRemarks
{
    public static IReadOnlyList<SlotRemark> Of(RequestState s, ProposedSlot slot, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(policy);
        if (s.Current is not { } c || s.Intake?.Prospect is not { } p) return [];

        var remarks = new List<SlotRemark>();
        if (!slot.InsideWindow)
        {
            var hours = TimeWords.Hours(c.Contact.WorkingHours ?? WorkingHours.Default, TimeWords.Zone(c.Contact.TimeZone, policy.BusinessTimeZone));
            remarks.Add(new($"Beyond {Within(policy.SlotWindow)}",
                $"When we looked for a time, {c.Contact.Name}'s calendar had no free {Length(slot)} slot in their usual hours ({hours}) "
                + $"within {Within(policy.SlotWindow)}, so this is the first free time after that."));
        }

        var prospectZone = TimeWords.Zone(p.TimeZone, policy.BusinessTimeZone);
        if (!WorkingHours.Default.Covers(slot.Start, slot.End, prospectZone))
        {
            remarks.Add(new($"Outside {p.ContactName}'s usual hours",
                $"This is outside {p.ContactName}'s usual hours ({TimeWords.Hours(WorkingHours.Default, prospectZone)}): "
                + $"{c.Contact.Name}'s calendar had no free time inside both people's usual hours sooner."));
        }

        return remarks;
    }

    private static string Within(TimeSpan window) => window.TotalHours <= 48
        ? $"the next {window.TotalHours:0} hours"
        : $"the next {window.TotalDays:0} days";

    private static string Length(ProposedSlot slot) => (slot.End - slot.Start).TotalMinutes switch
    {
        30 => "half-hour",
        60 => "hour-long",
        var minutes => $"{minutes:0}-minute",
    };
}

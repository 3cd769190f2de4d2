using ReferenceFlow.Domain.Insights;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// What one decided command means for the outside world: the events as history versions
/// <see cref="FromVersion"/>+1.., the state they lead to, and their effects, each with a stable id
/// so a rerun is recognised (an email's Message-ID and action token derive from it).
/// </summary>
public sealed record Decision(
    string RequestId,
    long FromVersion,
    IReadOnlyList<RequestEvent> Events,
    RequestState After,
    IReadOnlyList<PlannedEmail> Emails,
    IReadOnlyList<RecordUsage> Usage,
    IReadOnlyList<RecordTouch> Touches,
    IReadOnlyList<SlotRequest> SlotSearches,
    IReadOnlyList<CandidateCheck> CandidateChecks,
    IReadOnlyList<RecordThanks>? Thanks = null,
    IReadOnlyList<DebriefInsight>? Insights = null,
    IReadOnlyList<ContactKey>? Released = null)
{
    public long ToVersion => FromVersion + Events.Count;

    /// <summary>Folds <paramref name="events"/> into <paramref name="before"/>, asking the decider for each event's effects.</summary>
    public static Decision Make(RequestDecider decider, string requestId, long fromVersion, RequestState before, IReadOnlyList<RequestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(events);
        var state = before;
        var version = fromVersion;
        var emails = new List<PlannedEmail>();
        var usage = new List<RecordUsage>();
        var touches = new List<RecordTouch>();
        var slots = new List<SlotRequest>();
        var checks = new List<CandidateCheck>();
        var thanks = new List<RecordThanks>();
        var insights = new List<DebriefInsight>();
        foreach (var e in events)
        {
            version++;
            state = decider.Evolve(state, e);
            var effects = decider.Effects(e, state);
            for (var i = 0; i < effects.Count; i++)
            {
                switch (effects[i])
                {
                    case SendEmail send: emails.Add(new PlannedEmail(RequestRows.EffectId(requestId, version, i), send.Email)); break;
                    case RecordUsage credit: usage.Add(credit); break;
                    case RecordTouch touch: touches.Add(touch); break;
                    case RecordThanks thank: thanks.Add(thank); break;
                    case RecordInsight learned: insights.Add(learned.Insight); break;
                    case FindSlot find: slots.Add(find.Request); break;
                    case CheckCandidates check: checks.Add(check.Check); break;
                    case StartTimer: break; // the state's pending timers are what the orchestration waits on
                    default: throw new InvalidOperationException($"No activity performs {effects[i].GetType().Name}.");
                }
            }
        }
        // The contacts this request no longer holds are let go once their usage is written (decision 019).
        var released = before.HeldContacts.Except(state.HeldContacts).ToList();
        return new Decision(requestId, fromVersion, events, state, emails, usage, touches, slots, checks, thanks, insights, released);
    }
}

/// <summary>One email of a decision, with the effect id that makes sending it once-only.</summary>
public sealed record PlannedEmail(string EffectId, OutboundEmail Email);

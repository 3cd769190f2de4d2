namespace ReferenceFlow.Domain.Requests;

/// <summary>Where each candidate asked stands in their request: what the request page and the API show beside them.</summary>
public enum CandidateStanding
{
    Asked,
    Approved,
    Consented,
    Declined,
    NoAnswer,
    Released,
    Skipped,
    Unavailable,
}

public static class CandidateStandings
{
    /// <summary>
    /// Each candidate asked (by index), as the history left them; candidates never asked have none. Steps name their
    /// candidate when asked, so later answers to a step are put down to that candidate, whichever ask was current then.
    /// </summary>
    public static IReadOnlyDictionary<int, CandidateStanding> Of(IEnumerable<RequestEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var standing = new Dictionary<int, CandidateStanding>();
        var stepOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = -1;
        void Set(string step, CandidateStanding to)
        {
            if (stepOf.TryGetValue(step, out var index)) standing[index] = to;
        }

        foreach (var e in history)
        {
            switch (e)
            {
                case OwnerApprovalRequested a:
                    if (!a.Parallel) current = a.CandidateIndex;
                    stepOf[a.Step] = a.CandidateIndex;
                    standing[a.CandidateIndex] = CandidateStanding.Asked;
                    break;
                case StandingApprovalUsed u:
                    if (!u.Parallel) current = u.CandidateIndex;
                    standing[u.CandidateIndex] = CandidateStanding.Approved;
                    break;
                case ParallelAskLeads l: current = l.CandidateIndex; break;
                case ReferenceConsentRequested r:
                    var index = r.CandidateIndex ?? current;
                    stepOf[r.Step] = index;
                    standing[index] = CandidateStanding.Approved;
                    break;
                case OwnerApproved a: Set(a.Step, CandidateStanding.Approved); break;
                case OwnerDeclined d: Set(d.Step, CandidateStanding.Declined); break;
                case ReferenceAccepted a: Set(a.Step, CandidateStanding.Consented); break;
                case ReferenceDeclined d: Set(d.Step, CandidateStanding.Declined); break;
                case OwnerApprovalTimedOut t: Set(t.Step, CandidateStanding.NoAnswer); break;
                case ReferenceConsentTimedOut t: Set(t.Step, CandidateStanding.NoAnswer); break;
                case CandidateSkipped s: Set(s.Step, CandidateStanding.Skipped); break;
                case CandidateUnavailable u: Set(u.Step, CandidateStanding.Unavailable); break;
                case AsksReleased r:
                    foreach (var ask in r.Asks) standing[ask.CandidateIndex] = CandidateStanding.Released;
                    break;
            }
        }
        return standing;
    }

    /// <summary>The standing in a sentence's words, for the request page.</summary>
    public static string Words(this CandidateStanding standing) => standing switch
    {
        CandidateStanding.Asked => "owner asked",
        CandidateStanding.Approved => "approved, reference asked",
        CandidateStanding.Consented => "agreed to the call",
        CandidateStanding.Declined => "declined",
        CandidateStanding.NoAnswer => "no answer in time",
        CandidateStanding.Released => "no longer needed",
        CandidateStanding.Skipped => "passed over",
        CandidateStanding.Unavailable => "no longer available",
        _ => standing.ToString(),
    };
}

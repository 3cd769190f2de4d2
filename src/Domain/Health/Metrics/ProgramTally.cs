namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>
/// The program's figures summed over some requests: one per UTC day in the read model, and their sum over a date range.
/// Only sums, so a request's contribution can be taken out exactly as it was put in. Counters that reach zero are
/// dropped, keeping a day small. Keys of contacts are <see cref="References.ContactKey"/>'s text ("reference/contact").
/// </summary>
public sealed class ProgramTally
{
    /// <summary>Requests submitted (counted on their submission day).</summary>
    public int Submitted { get; set; }

    /// <summary>Requests submitted that day, by where each stands now (<see cref="RequestStanding"/> names).</summary>
    public Dictionary<string, int> ByStanding { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Time to fulfil of each request first introduced that day, in minutes, ascending.</summary>
    public List<int> FulfilMinutes { get; set; } = [];

    /// <summary>Answers given that day by <see cref="Answer"/> name.</summary>
    public Dictionary<string, int> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The reasons given with those answers: <see cref="Answer"/> name, then the tidied reason.</summary>
    public Dictionary<string, Dictionary<string, int>> Reasons { get; set; } = new(StringComparer.Ordinal);

    public int CallsHeld { get; set; }
    public int Debriefs { get; set; }

    /// <summary>Debriefs that said the call did not happen.</summary>
    public int DebriefsCallMissed { get; set; }

    public int WonAfterCall { get; set; }
    public int LostAfterCall { get; set; }
    public int WonBeforeCall { get; set; }
    public int LostBeforeCall { get; set; }
    public decimal InfluencedRevenueUsd { get; set; }

    public Dictionary<string, int> CallsPerContact { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Calls whose thank-you came with a gift, per contact.</summary>
    public Dictionary<string, int> GiftsPerContact { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Requests submitted that day (and not deferred) by what they ask for (<see cref="Capacity.CapacityKeys"/>).</summary>
    public Dictionary<string, int> Demand { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Of those, the ones still waiting for a reference (open, not introduced yet): the capacity forecast's pipeline.</summary>
    public Dictionary<string, int> Waiting { get; set; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Submitted == 0 && Demand.Count == 0 && Waiting.Count == 0 && ByStanding.Count == 0 && FulfilMinutes.Count == 0 && Answers.Count == 0 && Reasons.Count == 0
        && CallsHeld == 0 && Debriefs == 0 && DebriefsCallMissed == 0 && WonAfterCall == 0 && LostAfterCall == 0
        && WonBeforeCall == 0 && LostBeforeCall == 0 && InfluencedRevenueUsd == 0m && CallsPerContact.Count == 0 && GiftsPerContact.Count == 0;

    public void AddFulfil(int minutes, int sign)
    {
        if (sign > 0)
        {
            var at = FulfilMinutes.BinarySearch(minutes);
            FulfilMinutes.Insert(at < 0 ? ~at : at, minutes);
        }
        else
        {
            FulfilMinutes.Remove(minutes);
        }
    }

    public void BumpReason(Answer answer, string reason, int sign)
    {
        var key = answer.ToString();
        if (!Reasons.TryGetValue(key, out var reasons)) Reasons[key] = reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        Bump(reasons, reason, sign);
        if (reasons.Count == 0) Reasons.Remove(key);
    }

    public void AddOutcome(OutcomeFact outcome, int sign)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case { AfterCall: true, Won: true }: WonAfterCall += sign; break;
            case { AfterCall: true, Won: false }: LostAfterCall += sign; break;
            case { AfterCall: false, Won: true }: WonBeforeCall += sign; break;
            default: LostBeforeCall += sign; break;
        }
        InfluencedRevenueUsd += sign * outcome.InfluencedRevenueUsd;
    }

    /// <summary>Adds every figure of <paramref name="other"/> (summing days into a range).</summary>
    public void Add(ProgramTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Submitted += other.Submitted;
        AddAll(ByStanding, other.ByStanding);
        foreach (var minutes in other.FulfilMinutes) AddFulfil(minutes, 1);
        AddAll(Answers, other.Answers);
        foreach (var (answer, reasons) in other.Reasons)
        {
            foreach (var (reason, count) in reasons) BumpReason(Enum.Parse<Answer>(answer), reason, count);
        }
        CallsHeld += other.CallsHeld;
        Debriefs += other.Debriefs;
        DebriefsCallMissed += other.DebriefsCallMissed;
        WonAfterCall += other.WonAfterCall;
        LostAfterCall += other.LostAfterCall;
        WonBeforeCall += other.WonBeforeCall;
        LostBeforeCall += other.LostBeforeCall;
        InfluencedRevenueUsd += other.InfluencedRevenueUsd;
        AddAll(CallsPerContact, other.CallsPerContact);
        AddAll(GiftsPerContact, other.GiftsPerContact);
        AddAll(Demand, other.Demand);
        AddAll(Waiting, other.Waiting);
    }

    public static void Bump(Dictionary<string, int> counts, string key, int by)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var next = counts.GetValueOrDefault(key) + by;
        if (next == 0) counts.Remove(key);
        else counts[key] = next;
    }

    private static void AddAll(Dictionary<string, int> into, Dictionary<string, int> from)
    {
        foreach (var (key, count) in from) Bump(into, key, count);
    }
}

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// What the people around one request do, drawn from the run's seed: most requests run their whole course; some are
/// not ready (deferred), some owners and references say no first, some reps cancel while the owner is asked. Every
/// link is opened (HEAD, GET) before it is answered, as mail scanners do; some answers are double clicks and one is a
/// storm of 20 at once.
/// </summary>
internal sealed record RequestScript(
    int Index, bool Ready, bool OwnerDeclinesFirst, bool ReferenceDeclinesFirst, bool Cancels, bool Won, int Clicks)
{
    public string CrmId => $"OPP-F{Index:D4}";

    public string IdempotencyKey => $"fault-{Index:D4}";

    public static IReadOnlyList<RequestScript> Draw(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new RequestScript(
            i,
            Ready: random.NextDouble() >= 0.1,
            OwnerDeclinesFirst: random.NextDouble() < 0.1,
            ReferenceDeclinesFirst: random.NextDouble() < 0.1,
            Cancels: random.NextDouble() < 0.05,
            Won: random.NextDouble() < 0.6,
            // The first request of every run gets the storm, so even the short run has one.
            Clicks: i == 0 ? 20 : random.NextDouble() < 0.3 ? 2 : 1)).ToList();
    }
}

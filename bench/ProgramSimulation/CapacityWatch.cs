using System.Globalization;
using ReferenceFlow.Domain.Health.Capacity;
using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Bench.ProgramSimulation;

/// <summary>
/// The capacity forecast run as the program page would run it, every Monday of the simulated year, over the day tallies
/// the requests' facts make (the real <see cref="RequestFacts"/> and <see cref="CapacityForecast"/>). Afterwards it tells
/// how early and how well the forecast saw each dimension run dry, and whether each unfulfilled request was foreseen.
/// </summary>
internal sealed class CapacityWatch(IReadOnlyList<ReferenceAccount> directory, WorkflowPolicy policy)
{
    /// <summary>How far ahead a warning is judged: the forecast made this many weeks before the fact.</summary>
    public const int AheadWeeks = 4;

    private readonly Dictionary<DateOnly, IReadOnlyList<CapacityRow>> _forecasts = [];

    /// <summary>
    /// The day each dimension value ran out of calls in each quarter (with requests asking for it): seen on the first
    /// Monday with none left, dated by the call that took the last one, so the week's look does not make it late.
    /// </summary>
    private readonly Dictionary<(string Key, DateTimeOffset Quarter), DateOnly> _dry = [];

    /// <summary>The contacts offering each dimension value.</summary>
    private readonly ILookup<string, ContactKey> _offering = directory
        .SelectMany(a => a.Contacts.SelectMany(c => CapacityKeys.Offers(a, c).Select(k => (Key: k, Contact: new ContactKey(a.ReferenceId, c.ContactId)))))
        .ToLookup(x => x.Key, x => x.Contact, StringComparer.OrdinalIgnoreCase);

    public void Look(DateOnly monday, IEnumerable<(RequestState State, IReadOnlyList<RequestEvent> Events)> requests, IReadOnlyList<ContactUsage> ledger)
    {
        var days = new Dictionary<DateOnly, ProgramTally>();
        foreach (var (state, events) in requests)
        {
            var facts = events.Aggregate(RequestFacts.None, (f, e) => f.Fold(e, state.Current?.Key)) with { Status = state.Status };
            facts.AddTo(d => days.TryGetValue(d, out var t) ? t : days[d] = new ProgramTally(), 1);
        }
        var from = CapacityForecast.ReadFrom(monday);
        var tallies = days.Where(d => d.Key >= from && d.Key <= monday).Select(d => (d.Key, d.Value)).ToList();
        var rows = CapacityForecast.Of(tallies, directory, UsageIndex.Build(ledger, monday.ToDateTime(TimeOnly.MinValue)), monday, policy);
        _forecasts[monday] = rows;
        var quarter = UsageIndex.QuarterStart(monday.ToDateTime(TimeOnly.MinValue));
        foreach (var row in rows.Where(r => r.CallsLeftThisQuarter == 0))
        {
            var key = CapacityKeys.Key(row.Dimension, row.Value);
            if (_dry.ContainsKey((key, quarter))) continue;
            var offering = _offering[key].ToHashSet();
            var last = ledger.Where(u => u.At >= quarter && offering.Contains(new ContactKey(u.ReferenceId, u.ContactId))).Select(u => u.At).DefaultIfEmpty().Max();
            _dry[(key, quarter)] = last == default ? monday : DateOnly.FromDateTime(last.UtcDateTime);
        }
    }

    /// <summary>For each value that ran dry, each quarter it did: the week the forecast made <see cref="AheadWeeks"/> weeks earlier gave, against the week it did.</summary>
    public ForecastError Error()
    {
        var errors = new List<int?>();
        foreach (var ((key, _), dry) in _dry)
        {
            // The Monday look made at least four weeks before the day it ran dry.
            var ahead = dry.AddDays(-7 * AheadWeeks);
            var made = ahead.AddDays(-(((int)ahead.DayOfWeek + 6) % 7));
            if (!_forecasts.TryGetValue(made, out var rows)) continue; // ran dry too early in the year to have been forecast
            var said = rows.FirstOrDefault(r => string.Equals(CapacityKeys.Key(r.Dimension, r.Value), key, StringComparison.OrdinalIgnoreCase))?.RunsDryOn;
            errors.Add(said is { } on ? (int)Math.Round((on.DayNumber - dry.DayNumber) / 7.0) : null);
        }
        var dated = errors.Where(e => e is not null).Select(e => (double)e!.Value).ToList();
        return new ForecastError(errors.Count, errors.Count(e => e is { } weeks && Math.Abs(weeks) <= 2),
            dated.Select(Math.Abs).DefaultIfEmpty().Average(), dated.DefaultIfEmpty().Average(), errors.Count(e => e is null));
    }

    /// <summary>
    /// The requests that ended unfulfilled for which a forecast made at least two weeks before they came said one of their
    /// needs would be dry by their need-by date.
    /// </summary>
    public (int Unfulfilled, int Foreseen) Foreseen(IEnumerable<RequestState> requests)
    {
        var unfulfilled = requests.Where(r => r.Status == RequestStatus.Unfulfilled).ToList();
        var foreseen = unfulfilled.Count(r =>
        {
            var submitted = DateOnly.FromDateTime(r.SubmittedAt.UtcDateTime);
            var needs = CapacityKeys.Needs(r.Intake!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return _forecasts.Where(f => f.Key <= submitted.AddDays(-14)).Any(f => f.Value.Any(row =>
                row.RunsDryOn is { } dry && dry <= r.Intake!.NeededBy && needs.Contains(CapacityKeys.Key(row.Dimension, row.Value))));
        });
        return (unfulfilled.Count, foreseen);
    }
}

/// <summary>How the forecast did: of <paramref name="RanDry"/> values that ran dry, how many it dated within two weeks four weeks ahead.</summary>
internal sealed record ForecastError(int RanDry, int WithinTwoWeeks, double MeanAbsWeeks, double MeanWeeks, int Missed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WithinTwoWeeks} of {RanDry} within ±2 weeks (mean error {MeanAbsWeeks:F1} weeks, {MeanWeeks:+0.0;-0.0} on average: + is later than it did; {Missed} not foreseen)");
}

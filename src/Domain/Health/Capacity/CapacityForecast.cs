using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Health.Capacity;

/// <summary>
/// When the directory runs out of calls for what requests ask: per topic, industry, country and product, the weekly
/// demand at the trend of the last weeks' requests, the requests still waiting for a reference, against the calls the
/// contacts offering it can still give (their cap less this quarter's uses; none while paused, none after their consent
/// ends; every cap afresh each quarter), week by week over the horizon. Pure: the day tallies, the directory and the usage
/// come in.
/// </summary>
public static class CapacityForecast
{
    /// <summary>How many past weeks the trend is fitted on.</summary>
    public const int TrendWeeks = 12;

    /// <summary>How far ahead the forecast looks, in weeks: two quarters.</summary>
    public const int HorizonWeeks = 26;

    private const int WeeksPerQuarter = 13;

    /// <summary>The day tallies to read: the trend's weeks and every day a request still waiting may have been submitted on.</summary>
    public static DateOnly ReadFrom(DateOnly today) => today.AddDays(-7 * HorizonWeeks);

    public static IReadOnlyList<CapacityRow> Of(
        IReadOnlyList<(DateOnly Day, ProgramTally Tally)> days, IReadOnlyList<ReferenceAccount> accounts, UsageIndex usage, DateOnly today,
        WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(policy);
        var demand = Demand.From(days, today);
        var supply = Supply(accounts, usage, policy);
        var trendFrom = today.AddDays(-7 * demand.Weeks);
        var served = Served(days, accounts, trendFrom, today);
        var projections = new List<Projection>();
        foreach (var key in demand.Keys)
        {
            var (dimension, value) = CapacityKeys.Parse(key)!.Value;
            var offered = supply.GetValueOrDefault(key);
            var rates = Enumerable.Range(0, HorizonWeeks).Select(demand.Rate(key)).ToArray();
            var contacts = offered?.Contacts ?? [];
            var share = served.Share(key, demand.Total(key), contacts.Count > 0);
            projections.Add(new Projection(key, dimension, offered?.Spelling ?? value, contacts, Math.Round(rates.Take(WeeksPerQuarter).Sum(), 1),
                demand.Waiting(key), [.. rates.Select(r => r * share)], demand.Waiting(key) * share));
        }
        var lag = Lag(days, trendFrom, today);
        var dry = RunsDry(projections, today);
        var rows = new List<CapacityRow>();
        foreach (var p in projections)
        {
            var left = Available(p.Contacts, today, today);
            // Demand takes its calls a request's way later; a value with none left is dry now.
            var runsDry = left > 0 ? dry[p.Key]?.AddDays(lag) : dry[p.Key];
            rows.Add(new CapacityRow(p.Dimension, p.Shown, p.DemandPerQuarter, p.WaitingCount, left, runsDry));
        }
        return [.. rows
            .OrderBy(r => r.RunsDryOn ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.DemandPerQuarter / (r.CallsLeftThisQuarter + 1))
            .ThenBy(r => r.Dimension)
            .ThenBy(r => r.Value, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Week by week, each dimension on its own: the waiting requests are served first, then each week's demand, from the
    /// calls of the contacts available that week; a new quarter starts every cap afresh. What a value cannot serve falls on
    /// the values of its dimension that still have calls, in proportion to what they have left: a request for a country
    /// nobody is left in is matched with someone from another, and drains that one sooner. The day within the week when
    /// what a value has left runs out.
    /// </summary>
    private static Dictionary<string, DateOnly?> RunsDry(IReadOnlyList<Projection> projections, DateOnly today)
    {
        var dryOn = projections.ToDictionary(p => p.Key, _ => (DateOnly?)null, StringComparer.OrdinalIgnoreCase);
        foreach (var dimension in projections.GroupBy(p => p.Dimension))
        {
            var values = dimension.ToArray();
            var used = values.Select(v => v.Waiting).ToArray();
            var quarter = QuarterStart(today);
            for (var week = 0; week < HorizonWeeks; week++)
            {
                var start = today.AddDays(7 * week);
                if (QuarterStart(start) != quarter)
                {
                    quarter = QuarterStart(start);
                    Array.Clear(used);
                }
                var left = values.Select((v, i) => Available(v.Contacts, start, today) - used[i]).ToArray();
                var load = values.Select(v => v.Rates[week]).ToArray();
                var lasted = WeekOfCalls.Serve(left, load);
                for (var i = 0; i < values.Length; i++)
                {
                    used[i] += Math.Min(load[i], Math.Max(0, left[i]));
                    if (lasted[i] is { } days && dryOn[values[i].Key] is null) dryOn[values[i].Key] = start.AddDays(days);
                }
            }
        }
        return dryOn;
    }

    /// <summary>The calls the contacts available on <paramref name="on"/> can still give in that day's quarter.</summary>
    private static int Available(IReadOnlyList<Offer> contacts, DateOnly on, DateOnly today)
    {
        var thisQuarter = QuarterStart(on) == QuarterStart(today);
        var total = 0;
        foreach (var c in contacts)
        {
            if (c.PausedUntil is { } paused && paused > on) continue;
            if (c.ConsentExpires is { } expires && expires < on) continue;
            total += Math.Max(0, thisQuarter ? c.Cap - c.UsedThisQuarter : c.Cap);
        }
        return total;
    }

    private static Dictionary<string, Offering> Supply(IReadOnlyList<ReferenceAccount> accounts, UsageIndex usage, WorkflowPolicy policy)
    {
        var supply = new Dictionary<string, Offering>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            if (account.Status is AccountStatus.Retired or AccountStatus.Paused) continue;
            foreach (var contact in account.Contacts)
            {
                if (contact.LeftProgramOn is not null || !contact.Activities.Contains(Activity.Call)) continue;
                var offer = new Offer(Eligibility.Cap(contact, policy), usage.For(new ContactKey(account.ReferenceId, contact.ContactId)).ThisQuarter,
                    contact.PausedUntil, contact.ConsentExpires);
                foreach (var key in CapacityKeys.Offers(account, contact))
                {
                    if (!supply.TryGetValue(key, out var offering)) supply[key] = offering = new Offering(CapacityKeys.Parse(key)!.Value.Value);
                    offering.Contacts.Add(offer);
                }
            }
        }
        return supply;
    }

    /// <summary>
    /// The calls held over the trend's weeks, by what the contacts who took them offer. A request asks for several things
    /// (a topic, an industry, a country) and is served by one contact who may offer only some of them: the share of the
    /// requests needing a value that a contact offering it took is how much of that demand falls on its contacts.
    /// </summary>
    private static Calls Served(IReadOnlyList<(DateOnly Day, ProgramTally Tally)> days, IReadOnlyList<ReferenceAccount> accounts, DateOnly from, DateOnly today)
    {
        var offers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var contact in account.Contacts) offers[new ContactKey(account.ReferenceId, contact.ContactId).ToString()] = CapacityKeys.Offers(account, contact);
        }
        var calls = new Calls();
        foreach (var (day, tally) in days)
        {
            if (day < from || day >= today) continue;
            foreach (var (contact, count) in tally.CallsPerContact)
            {
                calls.Held += count;
                foreach (var key in offers.GetValueOrDefault(contact) ?? []) calls.ByOffer[key] = calls.ByOffer.GetValueOrDefault(key) + count;
            }
        }
        return calls;
    }

    private sealed class Calls
    {
        public int Held { get; set; }

        public Dictionary<string, int> ByOffer { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>1 until calls were held (nothing to learn from yet) or when nobody offers the value (all of it goes unmet).</summary>
        public double Share(string key, double requested, bool offered) =>
            Held == 0 || requested == 0 || !offered ? 1 : Math.Clamp(ByOffer.GetValueOrDefault(key) / requested, 0.25, 2);
    }

    /// <summary>
    /// Whole days from a request to its introduction, the median over the trend's weeks: a call is taken that long after the
    /// request asking for it, so calls run out that much after the demand that takes them comes.
    /// </summary>
    private static int Lag(IReadOnlyList<(DateOnly Day, ProgramTally Tally)> days, DateOnly from, DateOnly today)
    {
        var minutes = days.Where(d => d.Day >= from && d.Day < today).SelectMany(d => d.Tally.FulfilMinutes).Order().ToList();
        return (int)Math.Round((ProgramMetrics.Median(minutes) ?? 0) / TimeSpan.MinutesPerDay);
    }

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>One value's demand ahead (weekly, weighed by the share its contacts take) and what offers it.</summary>
    private sealed record Projection(
        string Key, CapacityDimension Dimension, string Shown, IReadOnlyList<Offer> Contacts, double DemandPerQuarter, int WaitingCount,
        double[] Rates, double Waiting);

    private sealed record Offer(int Cap, int UsedThisQuarter, DateOnly? PausedUntil, DateOnly? ConsentExpires);

    private sealed record Offering(string Spelling)
    {
        public List<Offer> Contacts { get; } = [];
    }

    /// <summary>Requests per week by need over the trend's weeks (fewer when the program is younger), and those waiting.</summary>
    private sealed class Demand
    {
        private readonly Dictionary<string, double[]> _weekly = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _waiting = new(StringComparer.OrdinalIgnoreCase);
        private int _weeks = TrendWeeks;

        public IEnumerable<string> Keys => _weekly.Keys.Union(_waiting.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => _waiting.GetValueOrDefault(k) > 0 || _weekly.GetValueOrDefault(k)?.Any(n => n > 0) == true);

        public static Demand From(IReadOnlyList<(DateOnly Day, ProgramTally Tally)> days, DateOnly today)
        {
            var demand = new Demand();
            var from = today.AddDays(-7 * TrendWeeks);
            var first = days.Where(d => d.Tally.Demand.Count > 0).Select(d => d.Day).DefaultIfEmpty(from).Min();
            if (first > from) demand._weeks = Math.Clamp((today.DayNumber - first.DayNumber + 6) / 7, 1, TrendWeeks);
            var trendFrom = today.AddDays(-7 * demand._weeks);
            foreach (var (day, tally) in days)
            {
                foreach (var (key, count) in tally.Waiting) demand._waiting[key] = demand._waiting.GetValueOrDefault(key) + count;
                if (day < trendFrom || day >= today) continue;
                var week = (day.DayNumber - trendFrom.DayNumber) / 7;
                foreach (var (key, count) in tally.Demand)
                {
                    if (!demand._weekly.TryGetValue(key, out var weeks)) demand._weekly[key] = weeks = new double[demand._weeks];
                    weeks[week] += count;
                }
            }
            return demand;
        }

        public int Waiting(string key) => Math.Max(0, _waiting.GetValueOrDefault(key));

        /// <summary>How many weeks the trend is fitted on.</summary>
        public int Weeks => _weeks;

        /// <summary>The requests needing <paramref name="key"/> over those weeks.</summary>
        public double Total(string key) => _weekly.GetValueOrDefault(key)?.Sum() ?? 0;

        /// <summary>
        /// The requests expected in week <c>k</c> from now: the least-squares line through the past weeks, carried on for at
        /// most a quarter (a trend is not extrapolated forever), never below zero.
        /// </summary>
        public Func<int, double> Rate(string key)
        {
            var y = _weekly.GetValueOrDefault(key) ?? new double[_weeks];
            var n = y.Length;
            var meanX = (n - 1) / 2.0;
            var meanY = y.Average();
            double sxy = 0, sxx = 0;
            for (var x = 0; x < n; x++)
            {
                sxy += (x - meanX) * (y[x] - meanY);
                sxx += (x - meanX) * (x - meanX);
            }
            var slope = sxx == 0 ? 0 : sxy / sxx;
            return k => Math.Max(0, meanY + (slope * (Math.Min(n + k, n + WeeksPerQuarter) - meanX)));
        }
    }
}

namespace ReferenceFlow.Domain.Health.Metrics;

/// <summary>The definitions behind the program's figures: one place for median, p90, win rate and the weekly series.</summary>
public static class ProgramMetrics
{
    /// <summary>The longest range the page and the API sum over: a year of days, leap years included.</summary>
    public const int MaxDays = 366;

    /// <summary>The range the page shows when none is asked for: the last 90 days, today included.</summary>
    public const int DefaultDays = 90;

    /// <summary>How many contacts the "helped most" and "thanked least" lists show.</summary>
    public const int ContactsShown = 10;

    /// <summary>Sums the day tallies from <paramref name="from"/> to <paramref name="to"/> (both included) into the figures.</summary>
    public static ProgramFigures Of(IEnumerable<(DateOnly Day, ProgramTally Tally)> days, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(days);
        var total = new ProgramTally();
        var weeks = new SortedDictionary<DateOnly, ProgramTally>();
        foreach (var (day, tally) in days)
        {
            if (day < from || day > to) continue;
            total.Add(tally);
            var monday = WeekStart(day);
            if (!weeks.TryGetValue(monday, out var week)) weeks[monday] = week = new ProgramTally();
            week.Add(tally);
        }

        // Every week of the range is shown, quiet ones as zero, so the series reads as time.
        for (var monday = WeekStart(from); monday <= to; monday = monday.AddDays(7))
        {
            weeks.TryAdd(monday, new ProgramTally());
        }

        var helped = total.CallsPerContact
            .Select(c => new ContactHelp(Key(c.Key), c.Value, total.GiftsPerContact.GetValueOrDefault(c.Key)))
            .ToList();
        return new ProgramFigures(
            from, to, total.Submitted, Standings(total.ByStanding),
            [.. weeks.Select(w => new WeekFigures(w.Key, Standings(w.Value.ByStanding), w.Value.CallsHeld))],
            new FulfilFigures(total.FulfilMinutes.Count, Hours(Median(total.FulfilMinutes)), Hours(Percentile(total.FulfilMinutes, 90))),
            Enum.GetValues<Answer>().ToDictionary(a => a, a => total.Answers.GetValueOrDefault(a.ToString())),
            [.. total.Reasons
                .SelectMany(r => r.Value.Select(reason => new ReasonCount(Enum.Parse<Answer>(r.Key), reason.Key, reason.Value)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Answer).ThenBy(r => r.Reason, StringComparer.Ordinal)],
            total.CallsHeld, total.Debriefs, total.DebriefsCallMissed,
            new OutcomeFigures(total.WonAfterCall, total.LostAfterCall, total.InfluencedRevenueUsd, total.WonBeforeCall, total.LostBeforeCall),
            [.. helped.OrderByDescending(h => h.Calls).ThenBy(h => h.Gifts).ThenBy(h => h.Contact.ToString(), StringComparer.Ordinal).Take(ContactsShown)],
            [.. helped.Where(h => h.WithoutGift > 0).OrderByDescending(h => h.WithoutGift).ThenByDescending(h => h.Calls)
                .ThenBy(h => h.Contact.ToString(), StringComparer.Ordinal).Take(ContactsShown)]);
    }

    /// <summary>The middle value of <paramref name="sorted"/> (ascending); for an even count, the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>
    /// The nearest-rank percentile of <paramref name="sorted"/> (ascending): the smallest value with at least
    /// <paramref name="percent"/>% of the values at or below it, so always one of the values measured.
    /// </summary>
    public static double? Percentile(IReadOnlyList<int> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary><paramref name="part"/> out of <paramref name="whole"/>, between 0 and 1; null when there is nothing to divide.</summary>
    public static double? Rate(int part, int whole) => whole <= 0 ? null : (double)part / whole;

    /// <summary>The Monday that starts the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static double? Hours(double? minutes) => minutes is { } m ? Math.Round(m / 60.0, 1) : null;

    private static Dictionary<RequestStanding, int> Standings(Dictionary<string, int> counts) =>
        Enum.GetValues<RequestStanding>().ToDictionary(s => s, s => counts.GetValueOrDefault(s.ToString()));

    private static References.ContactKey Key(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new References.ContactKey(text, "") : new References.ContactKey(text[..slash], text[(slash + 1)..]);
    }
}

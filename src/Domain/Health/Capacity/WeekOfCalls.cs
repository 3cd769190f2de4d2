namespace ReferenceFlow.Domain.Health.Capacity;

/// <summary>One week of a dimension's calls in the capacity forecast: each value's demand served from what it has left.</summary>
internal static class WeekOfCalls
{
    /// <summary>
    /// Serves each value's <paramref name="load"/> from its <paramref name="left"/> calls; what a value cannot serve falls on
    /// the values with room, in proportion to the room they have, until it is served or nobody has room (at most a few
    /// rounds: a round either serves all that is left or fills every value it reaches). Leaves in <paramref name="load"/>
    /// what each value served, its own and others'. Returns, for each value that ran out this week, the day of the week it
    /// did (0–6); null for the others.
    /// </summary>
    public static int?[] Serve(double[] left, double[] load)
    {
        var lasted = new int?[left.Length];
        var unmet = Unmet(left, load, lasted);
        while (unmet > 1e-9)
        {
            var room = new double[left.Length];
            for (var i = 0; i < left.Length; i++) room[i] = lasted[i] is null ? Math.Max(0, left[i] - load[i]) : 0;
            var total = room.Sum();
            if (total <= 1e-9) break;
            for (var i = 0; i < left.Length; i++) load[i] += unmet * room[i] / total;
            unmet = Unmet(left, load, lasted);
        }
        return lasted;
    }

    /// <summary>Marks the values whose load goes past what they have left, with the day it does; their excess, not yet passed on.</summary>
    private static double Unmet(double[] left, double[] load, int?[] lasted)
    {
        var unmet = 0.0;
        for (var i = 0; i < left.Length; i++)
        {
            var has = Math.Max(0, left[i]);
            if (left[i] >= 0 && load[i] <= has) continue;
            lasted[i] ??= left[i] < 0 ? 0 : (int)Math.Floor(7 * has / load[i]);
            unmet += load[i] - has;
            load[i] = has;
        }
        return unmet;
    }
}

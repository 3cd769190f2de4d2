namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>Percentiles of a sample in milliseconds, nearest rank.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Summary(IReadOnlyList<double> ms) =>
        FormattableString.Invariant($"{Percentile(ms, 50):N0} / {Percentile(ms, 95):N0} / {ms.DefaultIfEmpty(double.NaN).Max():N0} ms");
}

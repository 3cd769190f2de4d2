using System.Globalization;

namespace ReferenceFlow.WorkflowBench;

/// <summary>The figures of one run, printed as a Markdown table.</summary>
internal sealed class Report
{
    private readonly List<(string Section, string Figure, string Value)> _rows = [];
    private readonly List<(string Column, HttpSnapshot Counted, double Divisor)> _breakdowns = [];

    public void Add(string section, string figure, string value) => _rows.Add((section, figure, value));

    /// <summary>A column of the "where the HTTP requests go" table: counts divided by requests, commands or seconds.</summary>
    public void AddBreakdown(string column, HttpSnapshot counted, double divisor) => _breakdowns.Add((column, counted, divisor));

    public void Print(TextWriter output)
    {
        output.WriteLine("| leg | figure | value |");
        output.WriteLine("|---|---|---|");
        string? last = null;
        foreach (var (section, figure, value) in _rows)
        {
            output.WriteLine($"| {(section == last ? "" : section)} | {figure} | {value} |");
            last = section;
        }
        if (_breakdowns.Count == 0) return;
        output.WriteLine();
        output.WriteLine($"| HTTP request (who: service, method, resource without the run prefix) | {string.Join(" | ", _breakdowns.Select(b => b.Column))} |");
        output.WriteLine($"|---|{string.Concat(_breakdowns.Select(_ => "---|"))}");
        // Grouped by who made them, the busiest first within each.
        var calls = _breakdowns.SelectMany(b => b.Counted.ByCall.Keys).Distinct()
            .OrderBy(c => c.Who, StringComparer.Ordinal)
            .ThenByDescending(c => _breakdowns.Sum(b => b.Counted.ByCall.GetValueOrDefault(c) / b.Divisor))
            .ThenBy(c => c.ToString(), StringComparer.Ordinal);
        foreach (var call in calls)
        {
            output.WriteLine($"| {call} | {string.Join(" | ", _breakdowns.Select(b => F(b.Counted.ByCall.GetValueOrDefault(call) / b.Divisor, "0.00")))} |");
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>p50 / p95 / max in ms, nearest rank.</summary>
    public static string Spread(IReadOnlyCollection<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return sorted.Length == 0 ? "n/a" : $"{F(At(0.50), "0")} / {F(At(0.95), "0")} / {F(sorted[^1], "0")} ms";
    }
}

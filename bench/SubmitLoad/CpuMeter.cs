using System.Diagnostics;
using System.Globalization;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>
/// Processor time spent over a stretch of the bench, in cores: by the whole machine and by each process sharing it
/// (Azurite, the host, this load client), to tell whether a figure is bounded by the product or by the machine.
/// Reads Linux's /proc; elsewhere it reports nothing.
/// </summary>
internal sealed class CpuMeter
{
    private readonly IReadOnlyList<(string Name, IReadOnlyList<Process> Processes, TimeSpan Start)> _parts;
    private readonly (long Busy, long Total)? _machine = MachineTicks();
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    public CpuMeter(IEnumerable<(string Name, IReadOnlyList<Process> Processes)> parts) =>
        _parts = parts.Select(p => (p.Name, p.Processes, Used(p.Processes))).ToList();

    /// <summary>Every Azurite process on the machine (Node, found by its command line).</summary>
    public static IReadOnlyList<Process> Azurite() =>
        Process.GetProcessesByName("node").Where(p => CommandLine(p).Contains("azurite", StringComparison.Ordinal)).ToList();

    /// <summary>"1.9 of 2 cores busy: Azurite 1.0, host 0.7, load client 0.2".</summary>
    public string Report()
    {
        var wall = _wall.Elapsed;
        var (busy, total) = MachineTicks() is { } end && _machine is { } start ? (end.Busy - start.Busy, end.Total - start.Total) : (0, 0);
        var machine = total > 0 ? (double)busy / total * Environment.ProcessorCount : double.NaN;
        var parts = _parts.Select(p => FormattableString.Invariant($"{p.Name} {(Used(p.Processes) - p.Start) / wall:N1}"));
        return FormattableString.Invariant($"{machine:N1} of {Environment.ProcessorCount} cores busy: {string.Join(", ", parts)}");
    }

    private static TimeSpan Used(IReadOnlyList<Process> processes) =>
        processes.Aggregate(TimeSpan.Zero, (sum, p) =>
        {
            try
            {
                p.Refresh();
                return sum + p.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return sum; // It has exited.
            }
        });

    /// <summary>The first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal ticks.</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        if (!File.Exists("/proc/stat")) return null;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    private static string CommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

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

    /// <summary>
    /// The Azurite the bench talks to (Node, found by its command line): the one started with the connection string's table
    /// port when it names one, so that a shared Azurite on the default ports serving others is not counted; else every Azurite.
    /// </summary>
    public static IReadOnlyList<Process> Azurite(string connection)
    {
        var all = Process.GetProcessesByName("node").Where(p => CommandLine(p).Contains("azurite", StringComparison.Ordinal)).ToList();
        var port = TablePort(connection);
        return port is null ? all : all.Where(p => CommandLine(p).Replace('=', '\0').Contains($"--tablePort\0{port}\0", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The processor time <paramref name="name"/>'s processes spent since the meter started.</summary>
    public TimeSpan Spent(string name) => _parts.Where(p => p.Name == name).Select(p => Used(p.Processes) - p.Start).FirstOrDefault();

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
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return sum; // It has exited (its /proc entry may go between the refresh and the read).
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

    private static string? TablePort(string connection) =>
        connection.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == "TableEndpoint")
            .Select(p => Uri.TryCreate(p[1].Trim(), UriKind.Absolute, out var uri) ? uri.Port.ToString(CultureInfo.InvariantCulture) : null)
            .FirstOrDefault();

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

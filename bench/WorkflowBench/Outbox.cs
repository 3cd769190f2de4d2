using System.Globalization;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The pickup directory: each .eml is named {utc-ticks}-{kind}-{id}.eml (the ticks are when it was written) and names
/// its request in an X-ReferenceFlow-Request header. Only the file system is read, so watching costs no storage call.
/// </summary>
internal sealed class Outbox(string directory)
{
    private readonly HashSet<string> _read = [];
    private readonly Dictionary<(string Request, string Kind), DateTimeOffset> _written = [];

    public string Directory { get; } = directory;

    /// <summary>When the first email of <paramref name="kind"/> to <paramref name="requestId"/> was written, if it was.</summary>
    public DateTimeOffset? WrittenAt(string requestId, string kind) =>
        _written.TryGetValue((requestId, kind), out var at) ? at : null;

    /// <summary>Whether every request has an email of <paramref name="kind"/> (reads the files written since the last look).</summary>
    public bool HasAll(IEnumerable<string> requestIds, string kind)
    {
        Scan();
        return requestIds.All(id => _written.ContainsKey((id, kind)));
    }

    private void Scan()
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.eml"))
        {
            var name = Path.GetFileName(path);
            if (!_read.Add(name)) continue;
            var parts = name.Split('-', 3);
            var at = new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero);
            var request = File.ReadLines(path).TakeWhile(l => l.Length > 0)
                .FirstOrDefault(l => l.StartsWith("X-ReferenceFlow-Request:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Trim();
            if (request is not null) _written.TryAdd((request, parts[1]), at);
        }
    }
}

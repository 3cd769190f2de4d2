using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// Every HTTP request this process makes, from the runtime's own HttpClient activities: each Azure SDK call and
/// each retry is one. Storage requests are told apart by service (Azurite's ports or the account's host names)
/// and by resource (the table, queue or container, without this run's prefix); the rest is the engine's gRPC.
/// </summary>
internal sealed class HttpCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, long> _byResource = new(StringComparer.Ordinal);

    public HttpCounter(string runPrefix)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => Count(activity, runPrefix),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public HttpSnapshot Now => new(new Dictionary<string, long>(_byResource, StringComparer.Ordinal));

    public void Dispose() => _listener.Dispose();

    private void Count(Activity activity, string runPrefix)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return;
        var service = uri.Port switch
        {
            10000 => "blob",
            10001 => "queue",
            10002 => "table",
            _ => uri.Host.Split('.') is [_, var s and ("blob" or "queue" or "table"), ..] ? s : null,
        };
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = service is null ? "engine gRPC"
            : (uri.Port is >= 10000 and <= 10002 ? segments.Skip(1) : segments).FirstOrDefault() is { } first
                ? first.Split('(')[0].Replace(runPrefix, "", StringComparison.OrdinalIgnoreCase)
                : "(account)";
        if (service == "queue" && resource.Contains("-control-", StringComparison.Ordinal)) resource = resource[..(resource.LastIndexOf('-') + 1)] + "*";
        _byResource.AddOrUpdate($"{service ?? "grpc"} {activity.GetTagItem("http.request.method")} {resource}", 1, (_, n) => n + 1);
    }
}

/// <summary>Counts by "service METHOD resource"; the difference of two snapshots is what happened in between.</summary>
internal sealed record HttpSnapshot(IReadOnlyDictionary<string, long> ByResource)
{
    public long Service(string service) => ByResource.Where(kv => kv.Key.StartsWith(service + " ", StringComparison.Ordinal)).Sum(kv => kv.Value);

    public long Storage => Service("blob") + Service("queue") + Service("table");

    public long Other => Service("grpc");

    public static HttpSnapshot operator -(HttpSnapshot a, HttpSnapshot b) => new(a.ByResource
        .Select(kv => (kv.Key, Value: kv.Value - b.ByResource.GetValueOrDefault(kv.Key)))
        .Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
}

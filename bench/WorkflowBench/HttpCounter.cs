using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// Every HTTP request this process makes, from the runtime's own HttpClient activities: each Azure SDK call and
/// each retry is one. A storage request is told apart by service (the storage endpoints the run uses), by resource
/// (the table, queue or container, without this run's prefix) and by who made it (<see cref="HttpCall.Who"/>); the
/// rest is the client's gRPC to the engine.
/// </summary>
internal sealed class HttpCounter : IDisposable
{
    /// <summary>The task hub's own tables, queues and containers: whatever touches them is the engine.</summary>
    public const string Engine = "engine";

    /// <summary>The request service called by the bench (<c>SubmitAsync</c>, <c>SendAsync</c>): the caller's own storage calls.</summary>
    public const string Caller = "caller";

    /// <summary>The bench's own reads (polling a request's state): left out of every figure.</summary>
    public const string Bench = "bench";

    /// <summary>The request handler inside one of the engine's activities (<see cref="CountedActivities"/>): this and the activity's name.</summary>
    public const string ActivityPrefix = "activity ";

    /// <summary>The app's storage calls made neither in the caller nor inside an engine activity (none are expected).</summary>
    public const string Elsewhere = "app, elsewhere";

    private const string SenderProperty = "bench.sender";

    private static readonly AsyncLocal<string?> CurrentCaller = new();

    private readonly ActivityListener _listener;
    private readonly StorageEndpoints _endpoints;
    private readonly string _runPrefix;
    private readonly ConcurrentDictionary<HttpCall, long> _counts = new();
    private readonly IDisposable _batchSenders;

    public HttpCounter(StorageEndpoints endpoints, string runPrefix)
    {
        _endpoints = endpoints;
        _runPrefix = runPrefix;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
        _batchSenders = BatchSender.Watch(SenderProperty);
    }

    public HttpSnapshot Now => new(new Dictionary<HttpCall, long>(_counts));

    /// <summary>Marks the HTTP requests made in this async flow (and the flows it starts) as <paramref name="who"/>'s until disposed.</summary>
    public static IDisposable As(string who)
    {
        var outer = CurrentCaller.Value;
        CurrentCaller.Value = who;
        return new Restore(() => CurrentCaller.Value = outer);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _batchSenders.Dispose();
    }

    private void Count(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return;
        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        if (_endpoints.Resolve(uri) is not var (service, path))
        {
            _counts.AddOrUpdate(new HttpCall(Engine, "grpc", method, uri.AbsolutePath), 1, (_, n) => n + 1);
            return;
        }
        var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var resource = first is null ? "(account)" : first.Split('(')[0].Replace(_runPrefix, "", StringComparison.OrdinalIgnoreCase);
        // The control queues are one per partition; one name for all of them.
        if (service == "queue" && resource.Contains("-control-", StringComparison.Ordinal)) resource = resource[..(resource.LastIndexOf('-') + 1)] + "*";
        var sender = activity.GetCustomProperty(SenderProperty) as BatchSender;
        if (sender is not null) resource = $"{resource} ({sender.Name})";
        // The app's calls in a leg are all made in a marked flow (the caller's, an activity's, the bench's); the engine's
        // never are (its loops and the gRPC server's requests began unmarked). So a transaction whose sender the stack does
        // not show (the SDK resumed on its own frames) is the app's when marked and the engine's otherwise.
        var who = resource.StartsWith(BenchHost.HubSuffix, StringComparison.OrdinalIgnoreCase) || sender?.IsEngine == true ? Engine
            : CurrentCaller.Value ?? (sender is null ? Elsewhere : Engine);
        _counts.AddOrUpdate(new HttpCall(who, service, method, resource), 1, (_, n) => n + 1);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>One kind of HTTP request: who made it, to which service, with which method, on which resource.</summary>
internal sealed record HttpCall(string Who, string Service, string Method, string Resource)
{
    public bool IsStorage => Service is "blob" or "queue" or "table";

    public override string ToString() => $"{Who}: {Service} {Method} {Resource}";
}

/// <summary>Counts by kind of request; the difference of two snapshots is what happened in between.</summary>
internal sealed record HttpSnapshot(IReadOnlyDictionary<HttpCall, long> ByCall)
{
    public long Service(string service) => ByCall.Where(kv => kv.Key.Service == service).Sum(kv => kv.Value);

    public long Storage => ByCall.Where(kv => kv.Key.IsStorage).Sum(kv => kv.Value);

    public long Grpc => Service("grpc");

    public long StorageBy(string who) => ByCall.Where(kv => kv.Key.IsStorage && kv.Key.Who == who).Sum(kv => kv.Value);

    /// <summary>What the workflow did: everything but the bench's own reads.</summary>
    public HttpSnapshot Workflow => new(ByCall.Where(kv => kv.Key.Who != HttpCounter.Bench).ToDictionary());

    public static HttpSnapshot operator -(HttpSnapshot a, HttpSnapshot b) => new(a.ByCall
        .Select(kv => (kv.Key, Value: kv.Value - b.ByCall.GetValueOrDefault(kv.Key)))
        .Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value));
}

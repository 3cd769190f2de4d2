using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// Who sent a table transaction: the innermost method of the engine (DTFx) or of the app on the stack that started it.
/// A transaction goes to "$batch", which names no table, so the address alone cannot tell the engine's history writes
/// from the request's; the stack can, but only while the request is being started (when it stops, the frames down from
/// the code that called the SDK are gone), and only HttpClient's diagnostic event at that moment carries the address.
/// </summary>
internal sealed record BatchSender(string Name, bool IsEngine)
{
    private const string StartEvent = "System.Net.Http.HttpRequestOut.Start";

    /// <summary>Puts the sender of every table transaction on its HTTP activity, as the custom property <paramref name="property"/>.</summary>
    public static IDisposable Watch(string property) => DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
    {
        if (listener.Name != "HttpHandlerDiagnosticListener") return;
        listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
        {
            if (e.Key == StartEvent && Activity.Current is { } activity && RequestOf(e.Value) is { RequestUri: { } uri }
                && uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
            {
                activity.SetCustomProperty(property, FromStack());
            }
        }));
    }));

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> RequestProperties = new();

    // The event's payload is an internal type with a public Request property.
    private static HttpRequestMessage? RequestOf(object? payload) => payload is null ? null
        : RequestProperties.GetOrAdd(payload.GetType(), t => t.GetProperty("Request"))?.GetValue(payload) as HttpRequestMessage;

    private static BatchSender FromStack()
    {
        BatchSender? inPipeline = null;
        foreach (var frame in new StackTrace(skipFrames: 1, fNeedFileInfo: false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var assembly = type?.Assembly.GetName().Name ?? "";
            var engine = assembly.StartsWith("DurableTask.", StringComparison.Ordinal);
            var app = assembly.StartsWith("ReferenceFlow.", StringComparison.Ordinal) && type?.Assembly != typeof(BatchSender).Assembly;
            if (type is null || !(engine || app)) continue;
            // An async method runs as MoveNext of a compiler-made type nested in its class and named after it: <AppendAsync>d__4.
            var generated = type.Name.StartsWith('<') && type.DeclaringType is not null;
            var owner = generated ? type.DeclaringType! : type;
            var method = generated ? type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)] : frame.GetMethod()!.Name;
            // The engine's monitoring policy sits inside the SDK's pipeline: the sender is further down, when the stack still shows it.
            if (typeof(Azure.Core.Pipeline.HttpPipelinePolicy).IsAssignableFrom(owner))
            {
                inPipeline ??= new BatchSender($"{owner.Name}.{method}", engine);
                continue;
            }
            return new BatchSender($"{owner.Name}.{method}", engine);
        }
        return inPipeline ?? new BatchSender("sender not on the stack", IsEngine: false);
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}

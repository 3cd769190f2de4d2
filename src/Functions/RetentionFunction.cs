using Microsoft.Azure.Functions.Worker;
using ReferenceFlow.Workflow.Erasure;

namespace ReferenceFlow.Functions;

/// <summary>Every six hours, finished requests past the retention age are purged, as the Web host's job does.</summary>
public sealed class RetentionFunction(RequestRetention retention)
{
    [Function("PurgeFinishedRequests")]
    public async Task<int> RunAsync([TimerTrigger("0 15 */6 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        (await retention.PurgeAsync(cancellationToken)).Count;
}

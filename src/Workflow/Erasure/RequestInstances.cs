using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>
/// Removes a finished request's orchestration from the engine with its history, inputs and outputs. A finished request's
/// orchestration still waits for commands (a late answer is decided and refused), so it is stopped first; a command that
/// comes afterwards starts a fresh one from the request's history, as for a purged instance (decision 025).
/// </summary>
public sealed partial class RequestInstances(DurableTaskClient client, IOptions<ErasureOptions> options, ILogger<RequestInstances> logger)
{
    public async Task<bool> PurgeAsync(string requestId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, ct).ConfigureAwait(false);
        if (instance is null) return false;
        if (!instance.IsCompleted)
        {
            await client.TerminateInstanceAsync(requestId, new TerminateInstanceOptions { Output = "retention or erasure" }, ct).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(options.Value.StopTimeout);
            try
            {
                await client.WaitForInstanceCompletionAsync(requestId, getInputsAndOutputs: false, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Still running (no worker took the termination yet): its rows are rewritten instead, and purged next time.
                LogNotStopped(logger, requestId);
                return false;
            }
        }
        var purged = await client.PurgeInstanceAsync(requestId, cancellation: ct).ConfigureAwait(false);
        return purged.PurgedInstanceCount > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: its orchestration did not stop in time to be purged")]
    private static partial void LogNotStopped(ILogger logger, string requestId);
}

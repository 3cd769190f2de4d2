using Microsoft.Extensions.Logging;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Queues;

namespace ReferenceFlow.Storage.Runtime;

/// <summary>Records an effect that failed for good on its stream, and parks its message in the poison queue.</summary>
public sealed partial class FailureRecorder<TState, TCommand, TEvent>(
    DurableRuntime<TState, TCommand, TEvent> runtime,
    IMessageQueues queues,
    TimeProvider time,
    ILogger<FailureRecorder<TState, TCommand, TEvent>> logger)
{
    /// <summary>Executes <c>EffectFailed</c> once per effect id (message id "failed:{effect id}").</summary>
    public async Task RecordAsync(string streamId, EffectFailure failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var now = time.GetUtcNow();
        try
        {
            var outcome = await runtime.ExecuteAsync(
                streamId, runtime.Decider.EffectFailed(failure, now), "failed:" + failure.EffectId, mustExist: true, ct).ConfigureAwait(false);
            if (outcome is NotFound<TState>)
            {
                LogNoStream(logger, failure.EffectId, streamId);
            }
        }
        catch (DomainException e)
        {
            LogRejected(logger, failure.EffectId, streamId, e.Message);
        }
    }

    /// <summary>Copies the message to "&lt;queue&gt;-poison" (then the caller deletes the original).</summary>
    public async Task PoisonAsync(IMessageQueue queue, QueuedMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        await queues.Get(StorageNames.PoisonOf(queue.Name)).SendAsync(message.Body, TimeSpan.Zero, ct).ConfigureAwait(false);
        LogPoisoned(logger, message.Id, queue.Name, message.DequeueCount);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} of {Queue} moved to poison after {Deliveries} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, long deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failure of effect {EffectId} not recorded: stream {StreamId} does not exist")]
    private static partial void LogNoStream(ILogger logger, string effectId, string streamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} refused the failure of effect {EffectId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string effectId, string streamId, string reason);
}

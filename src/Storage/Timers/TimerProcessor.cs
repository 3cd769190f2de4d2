using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Storage.Timers;

/// <summary>Handles one "timers" message: early → put back with the remaining delay; due → fire once.</summary>
public sealed partial class TimerProcessor<TState, TCommand, TEvent>(
    DurableRuntime<TState, TCommand, TEvent> runtime,
    FailureRecorder<TState, TCommand, TEvent> failures,
    OutboxDispatcher dispatcher,
    TimerIndex index,
    IMessageQueues queues,
    StorageLayout layout,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    IFaultInjector faults,
    ILogger<TimerProcessor<TState, TCommand, TEvent>> logger)
{
    public IMessageQueue Queue => queues.Get(layout.Names.TimerQueue);

    public async Task ProcessAsync(QueuedMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var timer = MessageJson.TryRead<TimerMessage>(message.Body);
        if (timer is null || string.IsNullOrEmpty(timer.StreamId) || string.IsNullOrEmpty(timer.EffectId))
        {
            await failures.PoisonAsync(Queue, message, ct).ConfigureAwait(false);
            await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
            return;
        }
        if (message.DequeueCount > options.Value.MaxDeliveries)
        {
            // It kept failing without reaching the failure path (the worker died each time).
            await failures.PoisonAsync(Queue, message, ct).ConfigureAwait(false);
            await failures.RecordAsync(timer.StreamId, new EffectFailure(timer.EffectId, nameof(StartTimer), "Delivered too often without firing.", (int)message.DequeueCount), ct)
                .ConfigureAwait(false);
            await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
            return;
        }
        if (timer.DueAt > time.GetUtcNow())
        {
            // Add before delete: a crash in between leaves two messages, and the stream dedupes the firing.
            await Queue.SendAsync(message.Body, dispatcher.TimerDelay(timer.DueAt), ct).ConfigureAwait(false);
            faults.At(FaultPoint.DuringTimerReenqueue, timer.EffectId);
            await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
            return;
        }
        try
        {
            await FireAsync(timer.StreamId, timer.EffectId, new TimerDue(timer.TimerId, timer.Kind, timer.DueAt), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, timer.EffectId, message.DequeueCount, e);
            if (message.DequeueCount < options.Value.MaxDeliveries)
            {
                await Queue.HideAsync(message, options.Value.RetryBaseDelay * message.DequeueCount, ct).ConfigureAwait(false);
                return;
            }
            await failures.PoisonAsync(Queue, message, ct).ConfigureAwait(false);
            await failures.RecordAsync(timer.StreamId, new EffectFailure(timer.EffectId, nameof(StartTimer), e.Message, (int)message.DequeueCount), ct)
                .ConfigureAwait(false);
        }
        await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
    }

    /// <summary>Executes <c>TimerElapsed</c> once per timer effect, then drops it from the due-time index.</summary>
    public async Task FireAsync(string streamId, string effectId, TimerDue timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await runtime.ExecuteAsync(streamId, runtime.Decider.TimerElapsed(timer, time.GetUtcNow()), "timer:" + effectId, mustExist: true, ct)
                .ConfigureAwait(false);
        }
        catch (DomainException e)
        {
            // A timer the state cannot take is stale by definition.
            LogRejected(logger, effectId, e.Message);
        }
        await index.RemoveAsync(effectId, timer.DueAt, ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {EffectId} failed to fire on delivery {Delivery}")]
    private static partial void LogFailed(ILogger logger, string effectId, long delivery, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {EffectId} refused by its stream: {Reason}")]
    private static partial void LogRejected(ILogger logger, string effectId, string reason);
}

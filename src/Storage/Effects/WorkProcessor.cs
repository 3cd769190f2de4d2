using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Queues;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Effects;

/// <summary>Performs one message of the "work" queue: skip if completed, route to a handler, record completion or failure.</summary>
public sealed partial class WorkProcessor<TState, TCommand, TEvent>(
    IEnumerable<IEffectHandler> handlers,
    EffectCompletions completions,
    FailureRecorder<TState, TCommand, TEvent> failures,
    JsonCodec codec,
    IMessageQueues queues,
    StorageLayout layout,
    IOptions<RuntimeOptions> options,
    IFaultInjector faults,
    ILogger<WorkProcessor<TState, TCommand, TEvent>> logger)
{
    private readonly IEffectHandler[] _handlers = handlers.ToArray();

    public IMessageQueue Queue => queues.Get(layout.Names.WorkQueue);

    public async Task ProcessAsync(QueuedMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var work = MessageJson.TryRead<WorkMessage>(message.Body);
        if (work is null || string.IsNullOrEmpty(work.StreamId) || string.IsNullOrEmpty(work.EffectId))
        {
            // Nothing to record it on: park it for a person to look at.
            await failures.PoisonAsync(Queue, message, ct).ConfigureAwait(false);
            await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
            return;
        }
        var kind = KindOf(work.Effect);
        if (message.DequeueCount > options.Value.MaxDeliveries &&
            !await completions.IsCompleteAsync(work.StreamId, work.EffectId, ct).ConfigureAwait(false))
        {
            await GiveUpAsync(message, work, kind, "Delivered too often without completing.", poison: true, ct).ConfigureAwait(false);
            return;
        }
        var claim = await completions.ClaimAsync(work.StreamId, work.EffectId, options.Value.WorkVisibility, ct).ConfigureAwait(false);
        if (!claim.Won)
        {
            // Done already, or a duplicate of a delivery another worker is performing right now.
            if (claim.Done)
            {
                await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
            }
            else
            {
                await Queue.HideAsync(message, claim.RetryIn, ct).ConfigureAwait(false);
            }
            return;
        }
        try
        {
            var effect = codec.Deserialize<Effect>(work.Effect);
            var handler = _handlers.FirstOrDefault(h => h.CanHandle(effect))
                ?? throw new PermanentEffectException($"No handler performs {kind}.");
            await handler.HandleAsync(new EffectEnvelope(work.StreamId, work.EffectId, effect, (int)message.DequeueCount), ct)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is PermanentEffectException or JsonException or DomainException)
        {
            LogPermanent(logger, work.EffectId, e.Message);
            await GiveUpAsync(message, work, kind, e.Message, poison: false, ct).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, work.EffectId, message.DequeueCount, e);
            await completions.ReleaseAsync(work.StreamId, work.EffectId, ct).ConfigureAwait(false);
            if (message.DequeueCount >= options.Value.MaxDeliveries)
            {
                await GiveUpAsync(message, work, kind, e.Message, poison: true, ct).ConfigureAwait(false);
            }
            else
            {
                await Queue.HideAsync(message, RetryDelay(message.DequeueCount), ct).ConfigureAwait(false);
            }
            return;
        }
        faults.At(FaultPoint.AfterEffectBeforeCompletion, work.EffectId);
        await completions.MarkAsync(work.StreamId, work.EffectId, "Done", ct).ConfigureAwait(false);
        await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
    }

    private async Task GiveUpAsync(QueuedMessage message, WorkMessage work, string kind, string error, bool poison, CancellationToken ct)
    {
        if (poison)
        {
            await failures.PoisonAsync(Queue, message, ct).ConfigureAwait(false);
        }
        await failures.RecordAsync(work.StreamId, new EffectFailure(work.EffectId, kind, error, (int)message.DequeueCount), ct)
            .ConfigureAwait(false);
        await completions.MarkAsync(work.StreamId, work.EffectId, "Failed", ct).ConfigureAwait(false);
        await Queue.DeleteAsync(message, ct).ConfigureAwait(false);
    }

    private TimeSpan RetryDelay(long deliveries) =>
        TimeSpan.FromTicks(Math.Min(options.Value.RetryBaseDelay.Ticks * (1L << (int)Math.Min(deliveries - 1, 10)), TimeSpan.FromMinutes(10).Ticks));

    private static string KindOf(string effectJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(effectJson);
            return doc.RootElement.TryGetProperty("$type", out var type) ? type.GetString() ?? "Effect" : "Effect";
        }
        catch (JsonException)
        {
            return "Effect";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {EffectId} failed on delivery {Delivery}; it will be retried")]
    private static partial void LogFailed(ILogger logger, string effectId, long delivery, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Effect {EffectId} failed for good: {Error}")]
    private static partial void LogPermanent(ILogger logger, string effectId, string error);
}

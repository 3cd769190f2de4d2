using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Faults;
using ReferenceFlow.Storage.Outbox;
using ReferenceFlow.Storage.Streams;

namespace ReferenceFlow.Storage.Runtime;

/// <summary>
/// Hosts a decider on Azure Tables: one partition per stream, one entity-group transaction per
/// command (head with If-Match, events, dedupe row, outbox rows), effects dispatched after commit.
/// </summary>
public sealed partial class DurableRuntime<TState, TCommand, TEvent>(
    IDecider<TState, TCommand, TEvent> decider,
    StreamReader<TState, TCommand, TEvent> reader,
    TransactionBuilder<TState, TCommand, TEvent> transactions,
    OutboxDispatcher dispatcher,
    OutboxIndex outboxIndex,
    IOptions<RuntimeOptions> options,
    IFaultInjector faults,
    ILogger<DurableRuntime<TState, TCommand, TEvent>> logger)
{
    public IDecider<TState, TCommand, TEvent> Decider => decider;

    public Task<StreamSnapshot<TState>?> LoadAsync(string streamId, CancellationToken ct) =>
        Guard(() => reader.LoadAsync(streamId, ct), ct);

    public Task<IReadOnlyList<HistoryEntry<TEvent>>> ReadHistoryAsync(string streamId, CancellationToken ct) =>
        Guard(() => reader.ReadHistoryAsync(streamId, ct), ct);

    /// <summary>
    /// Decides <paramref name="command"/> on the stream and commits its events once per <paramref name="messageId"/>.
    /// A <see cref="DomainException"/> propagates; an outage becomes <see cref="StorageUnavailableException"/>.
    /// </summary>
    public Task<CommandOutcome<TState>> ExecuteAsync(string streamId, TCommand command, string messageId, bool mustExist, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(command);
        return Guard(() => ExecuteCoreAsync(streamId, command, messageId, mustExist, ct), ct);
    }

    private async Task<CommandOutcome<TState>> ExecuteCoreAsync(string streamId, TCommand command, string messageId, bool mustExist, CancellationToken ct)
    {
        var partition = KeyEncoding.Encode(streamId);
        await reader.EnsureCreatedAsync(ct).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (head, seen) = await reader.LoadForCommandAsync(partition, messageId, ct).ConfigureAwait(false);
            if (head is null && mustExist)
            {
                return new NotFound<TState>();
            }
            var version = head is null ? 0 : StreamReader<TState, TCommand, TEvent>.Version(head);
            var state = reader.State(head);
            if (seen)
            {
                return new Duplicate<TState>(version, state);
            }
            var events = decider.Decide(command, state);
            if (events.Count == 0 && head is null)
            {
                // Nothing happened to a stream that does not exist: do not create it.
                return new Applied<TState>(0, state, []);
            }
            var pending = transactions.Build(streamId, partition, head, state, events, messageId);
            try
            {
                var mark = pending.Outbox.Count > 0
                    ? await outboxIndex.MarkAsync(streamId, ct).ConfigureAwait(false)
                    : (ETag?)null;
                await reader.Table.SubmitTransactionAsync(pending.Actions, ct).ConfigureAwait(false);
                await AfterCommitAsync(streamId, pending.Outbox, mark, ct).ConfigureAwait(false);
                return new Applied<TState>(pending.Version, pending.State, events.Cast<object>().ToArray());
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                if (attempt >= options.Value.MaxConflictRetries)
                {
                    throw new ConcurrencyConflictException(streamId, attempt);
                }
                LogConflict(logger, streamId, attempt);
                // Contention back-off is wall-clock pacing, not business time.
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task AfterCommitAsync(string streamId, IReadOnlyList<OutboxEntry> outbox, ETag? mark, CancellationToken ct)
    {
        if (outbox.Count == 0)
        {
            return;
        }
        try
        {
            faults.At(FaultPoint.AfterCommitBeforeDispatch, streamId);
            await dispatcher.DispatchAsync(streamId, outbox, ct).ConfigureAwait(false);
            if (mark is { } etag)
            {
                await outboxIndex.ClearAsync(streamId, etag, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The command is committed; the outbox rows stay and the sweeper dispatches them.
            LogDispatchDeferred(logger, streamId, e);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken ct)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not StorageUnavailableException && !ct.IsCancellationRequested && StorageFaults.IsOutage(e))
        {
            throw new StorageUnavailableException("Storage is unavailable; try again shortly.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {StreamId} changed under command (attempt {Attempt}); deciding again")]
    private static partial void LogConflict(ILogger logger, string streamId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId} committed but dispatch failed; the outbox sweeper will finish it")]
    private static partial void LogDispatchDeferred(ILogger logger, string streamId, Exception exception);
}

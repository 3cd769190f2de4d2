using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Storage.Timers;

/// <summary>Fires timers whose queue message was lost: still in the due-time index long after their due time.</summary>
public sealed partial class TimerSweeper<TState, TCommand, TEvent>(
    TimerIndex index,
    TimerProcessor<TState, TCommand, TEvent> timers,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    ILogger<TimerSweeper<TState, TCommand, TEvent>> logger)
{
    /// <summary>One pass; returns how many overdue timers were fired.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var overdue = await index.DueAsync(time.GetUtcNow() - options.Value.TimerSweepGrace, 500, ct).ConfigureAwait(false);
        foreach (var (streamId, effectId, timer) in overdue)
        {
            LogOverdue(logger, effectId, timer.DueAt);
            await timers.FireAsync(streamId, effectId, timer, ct).ConfigureAwait(false);
        }
        return overdue.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {EffectId} due at {DueAt} was never delivered; firing it from the index")]
    private static partial void LogOverdue(ILogger logger, string effectId, DateTimeOffset dueAt);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Erasure;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>
/// Purges the requests that ended longer ago than <see cref="RetentionOptions.FinishedRequests"/>: their orchestration
/// first (so no late command finds half a request), then every row kept for them. The program's figures per day and the
/// insights stay: they are what the program page counts, and they name no contact.
/// </summary>
public sealed partial class RequestRetention(
    RequestPurge purge, RequestInstances instances, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RequestRetention> logger)
{
    /// <summary>Purges what is old enough now; answers the requests purged.</summary>
    public async Task<IReadOnlyList<string>> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.FinishedRequests;
        var old = await purge.FinishedBeforeAsync(cutoff, ct).ConfigureAwait(false);
        foreach (var requestId in old)
        {
            await instances.PurgeAsync(requestId, ct).ConfigureAwait(false);
        }
        if (old.Count > 0)
        {
            await purge.DeleteAsync(old, ct).ConfigureAwait(false);
            LogPurged(logger, old.Count, cutoff);
        }
        return old;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged {Count} requests that ended before {Cutoff}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);
}

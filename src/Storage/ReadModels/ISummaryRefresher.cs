namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Brings a stream's summary row up to the stream's current head (idempotent).</summary>
public interface ISummaryRefresher
{
    /// <summary>Writes the summary of <paramref name="streamId"/> unless a newer version is stored.</summary>
    Task RefreshAsync(string streamId, CancellationToken ct);
}

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Used when the app registers no <see cref="ISummaryProjector{TState}"/>.</summary>
public sealed class NoSummaries : ISummaryRefresher
{
    public static readonly NoSummaries Instance = new();

    public Task RefreshAsync(string streamId, CancellationToken ct) => Task.CompletedTask;
}

using ReferenceFlow.Domain.Health.Metrics;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

/// <summary>The program's day figures against Azurite: contributions moved exactly, concurrent writers never lose a count.</summary>
public sealed class ProgramDaysTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2031, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TestStorage _storage = TestStorage.Create();

    private static RequestFacts Submitted(DateTimeOffset at, RequestStatus status = RequestStatus.AwaitingOwnerApproval) =>
        RequestFacts.None with { SubmittedAt = at, Status = status };

    [Fact]
    public async Task ARequestThatMovesOnMovesItsCountAndAReplayChangesNothing()
    {
        var days = _storage.ProgramDays;
        Assert.True(await days.TryReplaceAsync("r1", await days.ReadAsync("r1", default), Submitted(Monday), 1, default));
        var introduced = Submitted(Monday, RequestStatus.Introduced) with { IntroducedAt = Monday.AddDays(1) };
        Assert.True(await days.TryReplaceAsync("r1", await days.ReadAsync("r1", default), introduced, 4, default));
        // A writer that read before the second write is refused: its ETag is stale.
        Assert.False(await days.TryReplaceAsync("r1", new StoredFacts(RequestFacts.None, 0, null), Submitted(Monday), 1, default));

        var figures = ProgramMetrics.Of(await days.RangeAsync(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), default),
            new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31));
        Assert.Equal(1, figures.Submitted);
        Assert.Equal(1, figures.ByStanding[RequestStanding.InProgress]);
        Assert.Equal((1, 24.0), (figures.Fulfil.Introductions, figures.Fulfil.MedianHours));
        Assert.Equal(4, (await days.ReadAsync("r1", default)).Version);
        Assert.Empty(await days.RangeAsync(new DateOnly(2031, 3, 5), new DateOnly(2031, 3, 31), default));
    }

    [Fact]
    public async Task ManyRequestsOnOneDayAtOnceAreAllCounted()
    {
        var days = _storage.ProgramDays;
        await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, ct) =>
        {
            while (!await days.TryReplaceAsync($"p{i}", await days.ReadAsync($"p{i}", ct), Submitted(Monday.AddMinutes(i)), 1, ct))
            {
                await Task.Delay(Random.Shared.Next(1, 20), ct);
            }
        });

        var tallies = await days.RangeAsync(new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 3), default);
        Assert.Equal(20, Assert.Single(tallies).Tally.Submitted);
    }

    [Fact]
    public async Task RequestsWrittenTogetherMoveTheirDayOnceAndAStaleOneRefusesTheWholeWrite()
    {
        var days = _storage.ProgramDays;
        Assert.True(await days.TryReplaceAsync("w0", await days.ReadAsync("w0", default), Submitted(Monday), 1, default));
        var stale = new FactsChange("w0", new StoredFacts(RequestFacts.None, 0, null), Submitted(Monday), 1);
        FactsChange New(string id) => new(id, new StoredFacts(RequestFacts.None, 0, null), Submitted(Monday.AddHours(1)), 1);

        Assert.False(await days.TryReplaceAsync([New("w1"), stale, New("w2")], default));
        Assert.Equal(0, (await days.ReadAsync("w1", default)).Version);
        Assert.True(await days.TryReplaceAsync([New("w1"), New("w2")], default));
        await Assert.ThrowsAsync<ArgumentException>(() => days.TryReplaceAsync([New("w3"), New("w3")], default));

        var tallies = await days.RangeAsync(new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 3), default);
        Assert.Equal(3, Assert.Single(tallies).Tally.Submitted);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

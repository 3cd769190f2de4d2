using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class UsageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task AHeldActivityIsRecordedOncePerContactEvenWhenRecordedTwice()
    {
        var first = new UsageRecord("ref-1", "marie", "req-1", "Call", At, 1000m);
        await _storage.UsageWriter.RecordAsync(first, CancellationToken.None);
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "marie", "req-2", "Call", At.AddDays(1), 1000m), CancellationToken.None);
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "paul", "req-2", "Call", At.AddDays(1), 1000m), CancellationToken.None);

        await _storage.UsageWriter.RecordAsync(first, CancellationToken.None);

        var marie = await _storage.Usage.ForContactsAsync([("ref-1", "marie")], CancellationToken.None);
        Assert.Equal(["req-1", "req-2"], marie.Select(u => u.RequestId));
        Assert.All(marie, u => Assert.Equal(Activity.Call, u.Activity));
        Assert.Equal(At, marie[0].At);
        var all = await _storage.Usage.AllAsync(null, CancellationToken.None);
        Assert.Equal(3, all.Count);
        Assert.Equal(3000m, all.Sum(u => u.InfluencedRevenueUsd));
        Assert.Equal(2, (await _storage.Usage.AllAsync(At.AddHours(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task EveryContactsUsageIsKeptUpToDateWithWhatWasWrittenSinceTheLastRead()
    {
        Assert.Empty(await _storage.Usage.EveryContactAsync(CancellationToken.None));
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "marie", "req-1", "Call", At, 0m), CancellationToken.None);
        Assert.Single(await _storage.Usage.EveryContactAsync(CancellationToken.None));

        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "paul", "req-2", "SiteVisit", At.AddDays(1), 0m), CancellationToken.None);
        // The same row again, with its time corrected: replaced, not counted twice.
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "marie", "req-1", "Call", At.AddHours(2), 0m), CancellationToken.None);
        var every = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _storage.Usage.EveryContactAsync(CancellationToken.None)));

        Assert.All(every, e => Assert.Equal([("marie", At.AddHours(2)), ("paul", At.AddDays(1))], e.Select(u => (u.ContactId, u.At))));
    }

    [Fact]
    public async Task DifferentActivitiesOfOneRequestAreSeparateAndRevenueStaysExact()
    {
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref/2", "anna", "req-3", "Call", At, 1234.56m), CancellationToken.None);
        await _storage.UsageWriter.RecordAsync(new UsageRecord("ref/2", "anna", "req-3", "SiteVisit", At.AddDays(2), 0.01m), CancellationToken.None);

        var anna = await _storage.Usage.ForContactsAsync([("ref/2", "anna"), ("ref/2", "anna"), ("ref/2", "nobody")], CancellationToken.None);
        var all = await _storage.Usage.AllAsync(null, CancellationToken.None);

        Assert.Equal([Activity.Call, Activity.SiteVisit], anna.Select(u => u.Activity));
        Assert.Equal(["ref/2", "ref/2"], anna.Select(u => u.ReferenceId));
        Assert.Equal(1234.57m, all.Sum(u => u.InfluencedRevenueUsd));
        Assert.Empty(await _storage.Usage.AllAsync(At.AddDays(3), CancellationToken.None));
    }

    [Fact]
    public async Task UsageWithoutAContactIsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _storage.UsageWriter.RecordAsync(new UsageRecord("ref-1", "", "req-1", "Call", At, 0m), CancellationToken.None));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class UsageTests : IAsyncLifetime
{
    private TestRuntime _app = null!;

    [Fact]
    public async Task AHeldActivityIsRecordedOncePerContactEvenWhenDeliveredTwice()
    {
        var at = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        await _app.ExecuteAsync("req-1", new Start("ann", at));
        await _app.ExecuteAsync("req-1", new Use("req-1", "marie", at));
        await _app.ExecuteAsync("req-2", new Start("ann", at));
        await _app.ExecuteAsync("req-2", new Use("req-2", "marie", at.AddDays(1)));
        await _app.ExecuteAsync("req-2", new Use("req-2", "paul", at.AddDays(1)));
        // A redelivery of the first usage effect.
        await _app.Dispatcher.DispatchAsync("req-1",
            [new ReferenceFlow.Storage.Outbox.OutboxEntry("req-1", "req-1:2:0", ReferenceFlow.Storage.Outbox.OutboxKind.Work,
                $$"""{"$type":"RecordUsage","referenceId":"ref-1","contactId":"marie","requestId":"req-1","activity":"Call","at":"{{at:O}}","influencedRevenueUsd":1000}""", null)],
            CancellationToken.None);

        await _app.DrainAsync();

        var marie = await _app.Usage.ForContactsAsync([("ref-1", "marie")], CancellationToken.None);
        Assert.Equal(["req-1", "req-2"], marie.Select(u => u.RequestId));
        Assert.All(marie, u => Assert.Equal(Activity.Call, u.Activity));
        Assert.Equal(at, marie[0].At);
        var all = await _app.Usage.AllAsync(null, CancellationToken.None);
        Assert.Equal(3, all.Count);
        Assert.Equal(3000m, all.Sum(u => u.InfluencedRevenueUsd));
        Assert.Equal(2, (await _app.Usage.AllAsync(at.AddHours(1), CancellationToken.None)).Count);
    }

    public Task InitializeAsync()
    {
        _app = TestRuntime.Create(TestRuntime.NewPrefix());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

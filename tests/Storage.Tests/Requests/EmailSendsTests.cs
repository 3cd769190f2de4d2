using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Requests;

/// <summary>Two runs of one decision never send its email twice at once, and a run that died does not hold it for ever.</summary>
public sealed class EmailSendsTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private EmailSends Sends => new(_storage.Layout, _time);

    [Fact]
    public async Task TheFirstRunClaimsTheEmailAndAnotherFindsItBusyThenSent()
    {
        var first = await Sends.BeginAsync("req-1", "req-1:2:0", Lease, CancellationToken.None);
        var second = await Sends.BeginAsync("req-1", "req-1:2:0", Lease, CancellationToken.None);
        Assert.Equal(EmailSendState.Claimed, first.State);
        Assert.Equal(EmailSendState.Busy, second.State);

        await Sends.CompleteAsync("req-1", "req-1:2:0", refusal: null, CancellationToken.None);

        Assert.Equal(EmailSendState.Sent, (await Sends.BeginAsync("req-1", "req-1:2:0", Lease, CancellationToken.None)).State);
        Assert.Equal(EmailSendState.Claimed, (await Sends.BeginAsync("req-1", "req-1:2:1", Lease, CancellationToken.None)).State);
    }

    [Fact]
    public async Task OfTenRunsAtOnceExactlyOneClaimsTheEmail()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Sends.BeginAsync("req-2", "req-2:2:0", Lease, CancellationToken.None)));

        Assert.Single(runs, r => r.State == EmailSendState.Claimed);
        Assert.All(runs.Where(r => r.State != EmailSendState.Claimed), r => Assert.Equal(EmailSendState.Busy, r.State));
    }

    [Fact]
    public async Task AClaimLeftByARunThatDiedLapsesAfterTheLease()
    {
        await Sends.BeginAsync("req-3", "req-3:2:0", Lease, CancellationToken.None);
        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(EmailSendState.Busy, (await Sends.BeginAsync("req-3", "req-3:2:0", Lease, CancellationToken.None)).State);

        _time.Advance(TimeSpan.FromSeconds(2));
        var takers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Sends.BeginAsync("req-3", "req-3:2:0", Lease, CancellationToken.None)));

        Assert.Single(takers, r => r.State == EmailSendState.Claimed);
    }

    [Fact]
    public async Task AReleasedClaimCanBeTakenAtOnce()
    {
        var claim = await Sends.BeginAsync("req-4", "req-4:2:0", Lease, CancellationToken.None);

        await Sends.ReleaseAsync("req-4", "req-4:2:0", claim.Claim, CancellationToken.None);

        Assert.Equal(EmailSendState.Claimed, (await Sends.BeginAsync("req-4", "req-4:2:0", Lease, CancellationToken.None)).State);
    }

    [Fact]
    public async Task ARefusalIsToldToEveryLaterRun()
    {
        await Sends.BeginAsync("req-5", "req-5:2:0", Lease, CancellationToken.None);
        await Sends.CompleteAsync("req-5", "req-5:2:0", "550 mailbox unknown", CancellationToken.None);

        var later = await Sends.BeginAsync("req-5", "req-5:2:0", Lease, CancellationToken.None);

        Assert.Equal(EmailSendState.Refused, later.State);
        Assert.Equal("550 mailbox unknown", later.Refusal);
    }

    [Fact]
    public async Task ASentMarkFromBeforeClaimsReadsAsSent()
    {
        Assert.True(await _storage.Requests.TryMarkAsync("req-6", "sent:req-6:2:0", CancellationToken.None));

        Assert.Equal(EmailSendState.Sent, (await Sends.BeginAsync("req-6", "req-6:2:0", Lease, CancellationToken.None)).State);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

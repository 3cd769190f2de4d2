using Microsoft.Extensions.Time.Testing;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

/// <summary>One request at a time holds a contact, however many choose them at once, and a hold nobody started does not last.</summary>
public sealed class ContactHoldsTests : IAsyncLifetime
{
    private readonly TestStorage _storage = TestStorage.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly ContactKey Ana = new("acme", "ana");
    private static readonly ContactKey Bo = new("acme", "bo");
    private ContactHolds Holds => new(_storage.Layout, _time);

    private async Task<IReadOnlySet<ContactKey>> HeldAsync() =>
        (await Holds.AmongAsync([Ana, Bo], CancellationToken.None)).Select(h => h.Contact).ToHashSet();

    private static Task<bool> Holding(ContactHold hold) => Task.FromResult(true);

    [Fact]
    public async Task OfTenRequestsChoosingOneContactAtOnceExactlyOneHoldsThem()
    {
        var tries = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Holds.TryHoldAsync(Ana, $"req-{i}", Holding, CancellationToken.None)));

        Assert.Single(tries, held => held);
        Assert.Equal(new HashSet<ContactKey> { Ana }, await HeldAsync());
    }

    [Fact]
    public async Task TheHolderHoldingAgainIsStillTheHolderAndOnlyItsReleaseLetsGo()
    {
        Assert.True(await Holds.TryHoldAsync(Ana, "req-1", Holding, CancellationToken.None));
        Assert.True(await Holds.TryHoldAsync(Ana, "req-1", Holding, CancellationToken.None));

        await Holds.ReleaseAsync(Ana, "req-2", CancellationToken.None);
        Assert.False(await Holds.TryHoldAsync(Ana, "req-2", Holding, CancellationToken.None));

        await Holds.ReleaseAsync(Ana, "req-1", CancellationToken.None);
        await Holds.ReleaseAsync(Ana, "req-1", CancellationToken.None); // a rerun of the same decision
        Assert.Empty(await HeldAsync());
        Assert.True(await Holds.TryHoldAsync(Ana, "req-2", Holding, CancellationToken.None));
    }

    [Fact]
    public async Task EachContactIsHeldOnItsOwn()
    {
        Assert.True(await Holds.TryHoldAsync(Ana, "req-1", Holding, CancellationToken.None));
        Assert.True(await Holds.TryHoldAsync(Bo, "req-2", Holding, CancellationToken.None));

        Assert.Equal(new HashSet<ContactKey> { Ana, Bo }, await HeldAsync());
    }

    [Fact]
    public async Task AskingAboutSomeContactsSaysWhoHoldsEachAndSinceWhen()
    {
        var first = _time.GetUtcNow();
        Assert.True(await Holds.TryHoldAsync(Ana, "req-1", Holding, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await Holds.TryHoldAsync(Bo, "req-2", Holding, CancellationToken.None));

        var held = await Holds.AmongAsync([Ana, Bo, new ContactKey("acme", "nobody")], CancellationToken.None);

        Assert.Equal([new ContactHold(Ana, "req-1", first), new ContactHold(Bo, "req-2", first.AddMinutes(1))], held.OrderBy(h => h.RequestId));
    }

    [Fact]
    public async Task AHoldThatNoLongerStandsIsTakenOverByOneOfThoseTryingAtOnce()
    {
        Assert.True(await Holds.TryHoldAsync(Ana, "req-let-go", Holding, CancellationToken.None));

        Assert.False(await Holds.TryHoldAsync(Ana, "req-2", Holding, CancellationToken.None)); // its request still asks them
        // Only the first holder let them go: whoever takes them over holds them from then on.
        var takers = await Task.WhenAll(Enumerable.Range(3, 5).Select(i =>
            Holds.TryHoldAsync(Ana, $"req-{i}", hold => Task.FromResult(hold.RequestId != "req-let-go"), CancellationToken.None)));

        Assert.Single(takers, held => held);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}

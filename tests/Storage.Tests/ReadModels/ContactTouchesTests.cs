using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

public sealed class ContactTouchesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly ContactKey Marie = new("ref/1", "marie"), Paul = new("ref/1", "paul"), Nobody = new("ref/9", "nobody");

    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task TheLastTouchIsTheLatestOfEveryRequestThatTouchedTheContact()
    {
        await _storage.Touches.RecordAsync("ref/1", "marie", "req-1", At, CancellationToken.None);
        await _storage.Touches.RecordAsync("ref/1", "marie", "req-2", At.AddDays(3), CancellationToken.None);
        await _storage.Touches.RecordAsync("ref/1", "marie", "req-1", At.AddDays(1), CancellationToken.None); // req-1 moved on
        await _storage.Touches.RecordAsync("ref/1", "paul", "req-2", At.AddDays(2), CancellationToken.None);

        var last = await _storage.Touches.LastTouchedAsync([Marie, Paul, Nobody, Marie], CancellationToken.None);

        Assert.Equal(At.AddDays(3), last[Marie]);
        Assert.Equal(At.AddDays(2), last[Paul]);
        Assert.False(last.ContainsKey(Nobody));
    }

    [Fact]
    public async Task TheLastTouchesOfAWholeDirectoryAreReadInAPageNotAQueryPerContact()
    {
        var contacts = Enumerable.Range(0, 60).Select(i => new ContactKey($"acc{i}", "c1")).ToList();
        foreach (var contact in contacts.Take(40))
        {
            await _storage.Touches.RecordAsync(contact.ReferenceId, contact.ContactId, "req-" + contact.ReferenceId, At, CancellationToken.None);
        }
        var (layout, calls) = await CountedCalls.OverAsync(_storage);

        var last = await new Storage.ReadModels.ContactTouches(layout).LastTouchedAsync(contacts, CancellationToken.None);

        Assert.Equal(["GET"], calls.Methods);
        Assert.Equal(40, last.Count);
        Assert.All(contacts.Take(40), c => Assert.Equal(At, last[c]));
    }

    [Fact]
    public async Task RecordingTheSameTouchAgainChangesNothing()
    {
        await _storage.Touches.RecordAsync("ref/1", "marie", "req-1", At, CancellationToken.None);
        await _storage.Touches.RecordAsync("ref/1", "marie", "req-1", At, CancellationToken.None);

        Assert.Equal(At, (await _storage.Touches.LastTouchedAsync([Marie], CancellationToken.None))[Marie]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

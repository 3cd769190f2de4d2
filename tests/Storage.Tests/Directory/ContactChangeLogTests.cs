using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Directory;

/// <summary>The change log a reference's self-service page shows, against Azurite.</summary>
public sealed class ContactChangeLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly ContactKey Marie = new("ref/1", "marie"), Paul = new("ref/1", "paul");

    private readonly TestStorage _storage = TestStorage.Create();

    [Fact]
    public async Task ChangesReadNewestFirstAndTheLinesOfOneSaveInTheirOrder()
    {
        await _storage.ChangeLog.AppendAsync(Marie, At, ["Paused until Mon 1 Feb 2027"], CancellationToken.None);
        await _storage.ChangeLog.AppendAsync(Marie, At.AddDays(2), ["Pause lifted", "Topics: ROI"], CancellationToken.None);
        await _storage.ChangeLog.AppendAsync(Paul, At.AddDays(1), ["Left the program; consent withdrawn"], CancellationToken.None);

        var log = await _storage.ChangeLog.ReadAsync(Marie, 50, CancellationToken.None);

        Assert.Equal(["Pause lifted", "Topics: ROI", "Paused until Mon 1 Feb 2027"], log.Select(e => e.What));
        Assert.Equal([At.AddDays(2), At.AddDays(2), At], log.Select(e => e.At));
    }

    [Fact]
    public async Task ANewContactHasNoChangesAndAnEmptySaveWritesNone()
    {
        await _storage.ChangeLog.AppendAsync(Marie, At, [], CancellationToken.None);

        Assert.Empty(await _storage.ChangeLog.ReadAsync(Marie, 50, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

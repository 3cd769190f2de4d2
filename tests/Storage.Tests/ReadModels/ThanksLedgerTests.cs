using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.ReadModels;

/// <summary>The gratitude read model against Azurite: per contact with what was given, and counted for the program page.</summary>
public sealed class ThanksLedgerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly ContactKey Marie = new("ref/1", "marie"), Paul = new("ref/1", "paul"), Nobody = new("ref/9", "nobody");

    private readonly TestStorage _storage = TestStorage.Create();

    private Task ThankAsync(ContactKey who, string request, DateTimeOffset at, Gift? gift) =>
        _storage.Thanks.RecordAsync(new ThanksRecord(who.ReferenceId, who.ContactId, request, at, gift), CancellationToken.None);

    [Fact]
    public async Task EachContactsThanksReadNewestFirstWithWhatWasGiven()
    {
        await ThankAsync(Marie, "req-1", At, new Gift(GiftKind.WhitePaper, "Analyst report"));
        await ThankAsync(Marie, "req-2", At.AddDays(5), null);
        await ThankAsync(Paul, "req-3", At.AddDays(1), new Gift(GiftKind.EventTicket));

        var thanks = await _storage.Thanks.ForContactsAsync([Marie, Nobody], CancellationToken.None);

        Assert.Equal(["req-2", "req-1"], thanks.Select(t => t.RequestId));
        Assert.Equal([null, new Gift(GiftKind.WhitePaper, "Analyst report")], thanks.Select(t => t.Gift));
        Assert.All(thanks, t => Assert.Equal(Marie, t.Contact));
    }

    [Fact]
    public async Task TheTallyCountsPerContactAndPerGiftKindAndARerunCountsOnce()
    {
        await ThankAsync(Marie, "req-1", At, new Gift(GiftKind.WhitePaper));
        await ThankAsync(Marie, "req-1", At, new Gift(GiftKind.WhitePaper)); // the activity ran again
        await ThankAsync(Marie, "req-2", At, new Gift(GiftKind.SpeakingSlot, "User summit"));
        await ThankAsync(Paul, "req-3", At, null);

        var tally = await _storage.Thanks.TallyAsync(CancellationToken.None);

        Assert.Equal(2, tally.PerContact[Marie]);
        Assert.Equal(1, tally.PerContact[Paul]);
        Assert.Equal(new Dictionary<string, int> { ["WhitePaper"] = 1, ["SpeakingSlot"] = 1, [ThanksTally.NoGift] = 1 }, tally.PerGift);
        Assert.Equal(3, tally.Total);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();
}

using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Serialization;

public sealed class JsonCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly JsonCodec _codec = JsonCodec.For(typeof(RequestState));

    [Fact]
    public void EventsRoundTripThroughTheirBaseTypeWithTheRecordNameAsDiscriminator()
    {
        RequestEvent original = new RequestCancelled("rep@demo.local", "deal paused", At);

        var json = _codec.Serialize(original);

        Assert.Contains("\"$type\":\"RequestCancelled\"", json, StringComparison.Ordinal);
        Assert.Equal(original, _codec.Deserialize<RequestEvent>(json));
    }

    [Fact]
    public void AnOutcomeIsStoredByItsNameSoHistoriesWrittenAsStringsStillRead()
    {
        // Histories recorded before the outcome was an enum hold "Won"/"Lost": the same text the enum writes.
        const string stored = """{"$type":"OutcomeRecorded","outcome":"Won","influencedRevenueUsd":250000,"at":"2026-01-02T03:04:05+00:00"}""";

        var read = Assert.IsType<OutcomeRecorded>(_codec.Deserialize<RequestEvent>(stored));

        Assert.Equal(DealOutcome.Won, read.Outcome);
        Assert.Contains("\"outcome\":\"Won\"", _codec.Serialize<RequestEvent>(read), StringComparison.Ordinal);
    }

    [Fact]
    public void EffectsRoundTripThroughTheirBaseType()
    {
        Effect[] effects =
        [
            new StartTimer(new TimerDue("t1", TimerKinds.OwnerReminder, At)),
            new RecordUsage("r", "c", "q", "Call", DateTimeOffset.UnixEpoch, 12.5m),
        ];

        var json = effects.Select(_codec.Serialize).ToArray();

        Assert.Contains("\"$type\":\"StartTimer\"", json[0], StringComparison.Ordinal);
        Assert.Equal(effects, json.Select(_codec.Deserialize<Effect>));
    }

    [Fact]
    public void ARequestStateRoundTripsWhole()
    {
        var submitted = Story.Submitted("req-1");

        var back = _codec.Deserialize<RequestState>(_codec.Serialize(submitted.State));

        Assert.Equal(submitted.State, back);
        Assert.Equal(RequestState.Initial, _codec.Deserialize<RequestState>(_codec.Serialize(RequestState.Initial)));
    }

    [Fact]
    public void TheDiscriminatorMayComeAfterTheOtherProperties()
    {
        var back = _codec.Deserialize<RequestEvent>("""{"step":"s1","at":"2026-01-02T03:04:05+00:00","$type":"OwnerReminded"}""");

        Assert.Equal(new OwnerReminded("s1", At), back);
    }

    [Fact]
    public void ACallCompletedWrittenBeforeGiftsReadsWithoutOne()
    {
        var old = """{"$type":"CallCompleted","outcomeNudge":{"timerId":"outcome-nudge:9","kind":"OutcomeNudge","dueAt":"2027-01-22T00:00:00+00:00"},"at":"2026-11-20T10:00:00+00:00"}""";

        var back = Assert.IsType<CallCompleted>(_codec.Deserialize<RequestEvent>(old));

        Assert.Null(back.Gift);
        var withGift = back with { Gift = new Gift(GiftKind.SpeakingSlot, "User summit") };
        Assert.Equal(withGift, _codec.Deserialize<RequestEvent>(_codec.Serialize<RequestEvent>(withGift)));
    }

    [Fact]
    public void AnUnknownTypeNameIsAnError()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => _codec.Deserialize<RequestEvent>("""{"$type":"Vanished"}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => _codec.Deserialize<Effect>("""{"$type":"Vanished"}"""));
    }

    [Fact]
    public void AnEscalationWrittenBeforeNoTimeToWaitReadsAsTheOwnersSilence()
    {
        var old = """{"$type":"OwnerEscalated","step":"owner:1","at":"2026-11-20T10:00:00+00:00"}""";

        var back = Assert.IsType<OwnerEscalated>(_codec.Deserialize<RequestEvent>(old));

        Assert.False(back.NoTimeToWait);
        var atOnce = back with { NoTimeToWait = true };
        Assert.Equal(atOnce, _codec.Deserialize<RequestEvent>(_codec.Serialize<RequestEvent>(atOnce)));
    }
}

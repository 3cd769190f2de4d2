using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Storage.Tests.Support;

namespace ReferenceFlow.Storage.Tests.Serialization;

public sealed class JsonCodecTests
{
    private readonly JsonCodec _codec = JsonCodec.For(typeof(CounterEvent), typeof(CounterDecider));

    [Fact]
    public void EventsRoundTripThroughTheirBaseTypeWithTheRecordNameAsDiscriminator()
    {
        CounterEvent original = new TimerScheduled(new TimerDue("t", "Reminder", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        var json = _codec.Serialize(original);

        Assert.Contains("\"$type\":\"TimerScheduled\"", json, StringComparison.Ordinal);
        Assert.Equal(original, _codec.Deserialize<CounterEvent>(json));
    }

    [Fact]
    public void EffectsFromTheDomainAndFromTheAppRoundTrip()
    {
        Effect[] effects = [new Poke("hi"), new RecordUsage("r", "c", "q", "Call", DateTimeOffset.UnixEpoch, 12.5m)];

        var back = effects.Select(e => _codec.Deserialize<Effect>(_codec.Serialize(e))).ToArray();

        Assert.Equal(effects, back);
    }

    [Fact]
    public void TheDiscriminatorMayComeAfterTheOtherProperties()
    {
        var back = _codec.Deserialize<CounterEvent>("""{"by":"x","$type":"Incremented"}""");

        Assert.Equal(new Incremented("x"), back);
    }

    [Fact]
    public void AnUnknownTypeNameIsAnError() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => _codec.Deserialize<CounterEvent>("""{"$type":"Vanished"}"""));
}

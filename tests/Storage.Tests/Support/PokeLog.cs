using System.Collections.Concurrent;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>Counts how often each Poke effect was performed (the "outside world" of the tests).</summary>
public sealed class PokeLog
{
    private readonly ConcurrentDictionary<string, int> _performed = new();

    public void Performed(string effectId) => _performed.AddOrUpdate(effectId, 1, (_, n) => n + 1);

    public int Count(string effectId) => _performed.GetValueOrDefault(effectId);

    public int Total => _performed.Values.Sum();

    public IReadOnlyDictionary<string, int> All => _performed;
}

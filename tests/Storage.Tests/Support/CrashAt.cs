using ReferenceFlow.Storage.Runtime;

namespace ReferenceFlow.Storage.Tests.Support;

/// <summary>
/// Simulates a process crash: throws the first time the runtime reaches <paramref name="point"/>
/// (for <paramref name="onlyFor"/> when given) while armed, then never again.
/// </summary>
public sealed class CrashAt(FaultPoint point, string? onlyFor = null) : IFaultInjector
{
    private int _crashed;

    public bool Armed { get; set; } = true;

    public bool Crashed => _crashed == 1;

    public void At(FaultPoint reached, string id)
    {
        if (Armed && reached == point && (onlyFor is null || onlyFor == id) && Interlocked.Exchange(ref _crashed, 1) == 0)
        {
            throw new SimulatedCrashException($"Crash at {reached} for {id}.");
        }
    }
}

public sealed class SimulatedCrashException(string message) : Exception(message);

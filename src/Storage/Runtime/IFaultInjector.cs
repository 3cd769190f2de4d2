namespace ReferenceFlow.Storage.Runtime;

/// <summary>A seam for crash tests: called at each <see cref="FaultPoint"/>; it may throw to simulate a crash.</summary>
public interface IFaultInjector
{
    /// <summary>Called when the runtime reaches <paramref name="point"/> for <paramref name="id"/> (stream or effect id).</summary>
    void At(FaultPoint point, string id);
}

namespace ReferenceFlow.Storage.Runtime;

/// <summary>Production: nothing is injected.</summary>
public sealed class NoFaults : IFaultInjector
{
    public void At(FaultPoint point, string id)
    {
    }
}

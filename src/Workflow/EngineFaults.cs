using Grpc.Core;
using ReferenceFlow.Storage.Faults;

namespace ReferenceFlow.Workflow;

/// <summary>The engine's client speaks gRPC to the engine: an unreachable engine or store is an outage (503), not a bug.</summary>
internal static class EngineFaults
{
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Internal)
        {
            throw new StorageUnavailableException("The workflow engine is unavailable; try again shortly.", e);
        }
        catch (Exception e) when (e is not StorageUnavailableException && StorageFaults.IsOutage(e))
        {
            throw new StorageUnavailableException("Storage is unavailable; try again shortly.", e);
        }
    }
}

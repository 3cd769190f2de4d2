using System.Net.Sockets;
using Azure;

namespace ReferenceFlow.Storage.Faults;

/// <summary>Tells an outage (no connection, timeout, 5xx) from a bug or a bad request.</summary>
public static class StorageFaults
{
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException:
                case SocketException:
                case TimeoutException:
                case HttpRequestException { StatusCode: null }:
                case RequestFailedException { Status: 0 or 408 or >= 500 }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
                case TaskCanceledException when e.InnerException is TimeoutException:
                    return true;
            }
        }
        return false;
    }
}

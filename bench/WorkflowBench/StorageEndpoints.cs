using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The blob, queue and table endpoints of the run's storage, read from its connection string as the SDK reads it, so
/// that a request is told apart by where it goes: Azurite on the default ports, a second Azurite on others, or an account.
/// </summary>
internal sealed class StorageEndpoints(IReadOnlyList<(string Service, Uri Endpoint)> endpoints)
{
    public static StorageEndpoints From(string connectionString) => new(
    [
        ("blob", new BlobServiceClient(connectionString).Uri),
        ("queue", new QueueServiceClient(connectionString).Uri),
        ("table", new TableServiceClient(connectionString).Uri),
    ]);

    /// <summary>The service <paramref name="uri"/> goes to and its path below the endpoint (Azurite's account segment left out); null for any other address.</summary>
    public (string Service, string Path)? Resolve(Uri uri)
    {
        foreach (var (service, endpoint) in endpoints)
        {
            var root = endpoint.AbsolutePath.TrimEnd('/');
            if (Uri.Compare(uri, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                && (uri.AbsolutePath == root || uri.AbsolutePath.StartsWith(root + "/", StringComparison.Ordinal)))
            {
                return (service, uri.AbsolutePath[root.Length..]);
            }
        }
        return null;
    }
}

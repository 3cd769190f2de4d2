using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace ReferenceFlow.Storage.Configuration;

/// <summary>Builds the SDK clients from <see cref="StorageOptions"/>: a connection string, or endpoints with managed identity.</summary>
public static class StorageClients
{
    public static TableServiceClient Tables(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        Configure(clientOptions.Retry, options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }
        return new TableServiceClient(Endpoint(options, "table"), new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>The blob service (the workflow engine's large messages, which an erasure rewrites).</summary>
    public static Azure.Storage.Blobs.BlobServiceClient Blobs(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new Azure.Storage.Blobs.BlobClientOptions();
        Configure(clientOptions.Retry, options);
        return !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new Azure.Storage.Blobs.BlobServiceClient(options.ConnectionString, clientOptions)
            : new Azure.Storage.Blobs.BlobServiceClient(Endpoint(options, "blob"), new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>The endpoint of one storage service ("blob", "queue", "table") when no connection string is set.</summary>
    public static Uri Endpoint(StorageOptions options, string service)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = service switch
        {
            "table" => options.TableEndpoint,
            "queue" => options.QueueEndpoint,
            "blob" => options.BlobEndpoint,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "blob, queue or table"),
        };
        return configured ?? (string.IsNullOrWhiteSpace(options.AccountName)
            ? throw new InvalidOperationException(
                $"{StorageOptions.Section}: set ConnectionString, or AccountName (or the {service} endpoint) for managed identity.")
            : new Uri($"https://{options.AccountName}.{service}.core.windows.net"));
    }

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.MaxRetries = Math.Max(0, options.MaxRetries);
        retry.NetworkTimeout = options.NetworkTimeout;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
    }
}

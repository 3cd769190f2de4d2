using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

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
        var endpoint = options.TableEndpoint ?? AccountEndpoint(options, "table");
        return new TableServiceClient(endpoint, new DefaultAzureCredential(), clientOptions);
    }

    public static QueueServiceClient Queues(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Base64 so that any text survives, and so that Functions/KEDA tooling reads the same format.
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Configure(clientOptions.Retry, options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new QueueServiceClient(options.ConnectionString, clientOptions);
        }
        var endpoint = options.QueueEndpoint ?? AccountEndpoint(options, "queue");
        return new QueueServiceClient(endpoint, new DefaultAzureCredential(), clientOptions);
    }

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.MaxRetries = Math.Max(0, options.MaxRetries);
        retry.NetworkTimeout = options.NetworkTimeout;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
    }

    private static Uri AccountEndpoint(StorageOptions options, string service) =>
        string.IsNullOrWhiteSpace(options.AccountName)
            ? throw new InvalidOperationException(
                $"{StorageOptions.Section}: set ConnectionString, or AccountName / TableEndpoint and QueueEndpoint.")
            : new Uri($"https://{options.AccountName}.{service}.core.windows.net");
}

namespace ReferenceFlow.Storage.Configuration;

/// <summary>Section <c>ReferenceFlow:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "ReferenceFlow:Storage";

    /// <summary>A storage connection string; when empty, managed identity (DefaultAzureCredential) is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account name; gives the public-cloud endpoints when they are not set.</summary>
    public string? AccountName { get; set; }

    public Uri? TableEndpoint { get; set; }

    public Uri? QueueEndpoint { get; set; }

    /// <summary>Blobs hold the workflow engine's leases and large messages, and the web host's Data Protection key ring.</summary>
    public Uri? BlobEndpoint { get; set; }

    /// <summary>Prefixes every table name (letters and digits), so several apps or test runs share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>SDK retries per call; kept small so an outage surfaces quickly as 503.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

namespace ReferenceFlow.Storage.Faults;

/// <summary>Storage cannot be reached or answers 5xx: the caller should retry later (HTTP 503 with Retry-After).</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException()
    {
    }

    /// <summary>A sensible Retry-After for the HTTP answer.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}

namespace ReferenceFlow.Storage.Requests;

/// <summary>
/// A decision made against a state the request's history has moved past (or never reached): the history holds other
/// events at those versions. The caller reads the request as stored and decides again; nothing of the decision counts.
/// </summary>
public sealed class HistoryMovedOnException : InvalidOperationException
{
    public HistoryMovedOnException()
    {
    }

    public HistoryMovedOnException(string message) : base(message)
    {
    }

    public HistoryMovedOnException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public HistoryMovedOnException(string requestId, long stored, long fromVersion, long toVersion)
        : base($"Request {requestId} holds history up to version {stored}; versions {fromVersion + 1}..{toVersion} cannot follow it.")
    {
    }
}

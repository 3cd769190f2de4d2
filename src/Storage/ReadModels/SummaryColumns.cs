namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Summary properties that lists query by.</summary>
public static class SummaryColumns
{
    public const string State = "State";
    public const string Requester = "Requester";
    public const string Version = "Version";
    /// <summary>Stored under the name it had when requests were event streams, so existing rows still read.</summary>
    public const string RequestId = "StreamId";
}

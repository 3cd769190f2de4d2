namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Summary properties the runtime queries by.</summary>
public static class SummaryColumns
{
    public const string State = "State";
    public const string Requester = "Requester";
    public const string Version = "Version";
    public const string StreamId = "StreamId";
}

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Summary properties that lists query by.</summary>
public static class SummaryColumns
{
    public const string State = "State";
    public const string Requester = "Requester";
    public const string Version = "Version";
    public const string CrmId = "CrmId";
    public const string Open = "Open";

    /// <summary>The current candidate's address, lower-cased so look-ups match whatever case the calendar uses.</summary>
    public const string ContactEmail = "ContactEmail";
    /// <summary>Stored under the name it had when requests were event streams, so existing rows still read.</summary>
    public const string RequestId = "StreamId";
}

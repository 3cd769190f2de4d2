namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Summary properties that the store filters, orders or indexes by (the projector writes them).</summary>
public static class SummaryColumns
{
    public const string State = "State";
    /// <summary>Upper-cased, as every person column is, so filters match whatever case a sign-in uses.</summary>
    public const string Requester = "Requester";
    /// <summary>The current candidate's account owner, upper-cased.</summary>
    public const string Owner = "Owner";
    /// <summary>Whom the request waits on, upper-cased.</summary>
    public const string WaitingOn = "WaitingOn";
    public const string Version = "Version";
    public const string CrmId = "CrmId";
    public const string Open = "Open";
    public const string NeedsAttention = "NeedsAttention";
    /// <summary>Orders the list, newest first.</summary>
    public const string SubmittedAt = "SubmittedAt";

    /// <summary>The current candidate's address, lower-cased so look-ups match whatever case the calendar uses.</summary>
    public const string ContactEmail = "ContactEmail";
    /// <summary>The contacts the request holds ("referenceId/contactId", space-separated).</summary>
    public const string Reserved = "Reserved";
    public const string SlotStart = "SlotStart";
    public const string SlotEnd = "SlotEnd";
    /// <summary>Stored under the name it had when requests were event streams, so existing rows still read.</summary>
    public const string RequestId = "StreamId";
}

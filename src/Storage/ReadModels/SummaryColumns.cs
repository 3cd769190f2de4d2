using Azure.Data.Tables;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>How a <see cref="RequestSummary"/> is stored: the column names filters use, and the mapping both ways.</summary>
public static class SummaryColumns
{
    public const string State = "State";
    public const string Requester = "Requester";
    public const string Owner = "Owner";
    public const string WaitingOn = "WaitingOn";

    /// <summary>
    /// A column each for the owners asked beside the current candidate, as many as a request may ask beside it: a table
    /// filter matches a column, not a list.
    /// </summary>
    public static readonly IReadOnlyList<string> WaitingBeside =
        [.. Enumerable.Range(1, Domain.Requests.ParallelAsk.Most - 1).Select(i => $"WaitingOnBeside{i}")];
    public const string Version = "Version";
    public const string CrmId = "CrmId";
    public const string Open = "Open";
    public const string NeedsAttention = "NeedsAttention";
    public const string SubmittedAt = "SubmittedAt";
    /// <summary>Stored under the name it had when requests were event streams, so existing rows still read.</summary>
    public const string RequestId = "StreamId";

    public static TableEntity ToRow(RequestSummary summary, string partition, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var row = new TableEntity(partition, rowKey)
        {
            [RequestId] = summary.RequestId,
            [Version] = summary.Version,
            [State] = summary.State,
            [Requester] = summary.Requester,
            [SubmittedAt] = summary.SubmittedAt,
            [Open] = summary.Open,
            [NeedsAttention] = summary.NeedsAttention,
            ["Rushed"] = summary.Rushed,
        };
        // Absent rather than null: a replaced row drops what no longer applies.
        void Optional(string name, object? value)
        {
            if (value is not null) row[name] = value;
        }
        Optional("Company", summary.Company);
        Optional("Opportunity", summary.Opportunity);
        Optional(CrmId, summary.CrmId);
        Optional("Activity", summary.Activity);
        Optional("NeededBy", summary.NeededBy);
        Optional(WaitingOn, summary.WaitingOn);
        Optional(Owner, summary.Owner);
        Optional("CurrentAccount", summary.CurrentAccount);
        foreach (var (column, owner) in WaitingBeside.Zip(summary.WaitingBeside ?? [])) Optional(column, owner);
        return row;
    }

    public static RequestSummary FromRow(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RequestSummary(
            row.GetString(RequestId) ?? row.RowKey,
            row.GetInt64(Version) ?? 0,
            row.GetString(State) ?? "",
            row.GetString(Requester) ?? "",
            row.GetDateTimeOffset(SubmittedAt) ?? DateTimeOffset.MinValue,
            row.GetBoolean(Open) ?? false,
            row.GetBoolean(NeedsAttention) ?? false,
            row.GetBoolean("Rushed") ?? false,
            row.GetString("Company"),
            row.GetString("Opportunity"),
            row.GetString(CrmId),
            row.GetString("Activity"),
            row.GetString("NeededBy"),
            row.GetString(WaitingOn),
            row.GetString(Owner),
            row.GetString("CurrentAccount"),
            [.. WaitingBeside.Select(row.GetString).OfType<string>()]);
    }
}

using System.Globalization;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>Row layout of the usage table: PartitionKey = contact, RowKey = request + activity (so a replay overwrites).</summary>
public static class UsageTable
{
    public static string Partition(string referenceId, string contactId) =>
        KeyEncoding.Encode(referenceId) + "|" + KeyEncoding.Encode(contactId);

    public static TableEntity ToRow(UsageRecord usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new TableEntity(Partition(usage.ReferenceId, usage.ContactId), KeyEncoding.Encode(usage.RequestId) + "|" + KeyEncoding.Encode(usage.Activity))
        {
            ["ReferenceId"] = usage.ReferenceId,
            ["ContactId"] = usage.ContactId,
            ["RequestId"] = usage.RequestId,
            ["Activity"] = usage.Activity,
            ["At"] = usage.At,
            // Tables have no decimal type; the invariant string keeps it exact.
            ["InfluencedRevenueUsd"] = usage.InfluencedRevenueUsd.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static UsageRecord FromRow(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new UsageRecord(
            row.GetString("ReferenceId") ?? "",
            row.GetString("ContactId") ?? "",
            row.GetString("RequestId") ?? "",
            row.GetString("Activity") ?? "",
            row.GetDateTimeOffset("At") ?? default,
            decimal.TryParse(row.GetString("InfluencedRevenueUsd"), NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) ? usd : 0m);
    }
}

using System.Text.Json;
using Azure.Data.Tables;
using ReferenceFlow.Domain.Insights;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>An insight as a table row and back; lists are JSON arrays.</summary>
internal static class InsightColumns
{
    public const string Topics = "Topics";
    public const string Competitor = "Competitor";

    /// <summary>The competitor as filters compare it, for a topic partition read with a competitor filter.</summary>
    public const string CompetitorKey = "CompetitorKey";

    public static TableEntity ToRow(DebriefInsight insight, string partition, string rowKey)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["RequestId"] = insight.RequestId,
            ["At"] = insight.At,
            [Topics] = JsonSerializer.Serialize(insight.Topics),
            [Competitor] = insight.Competitor,
            ["Industry"] = insight.Industry,
            ["Concerns"] = insight.Concerns,
            ["Landmines"] = insight.Landmines,
            ["Happened"] = insight.Happened,
            ["MetNeeds"] = insight.MetNeeds,
            ["ReferenceId"] = insight.Reference.ReferenceId,
            ["Account"] = insight.Reference.Account,
            ["ReferenceIndustry"] = insight.Reference.Industry,
            ["ReferenceEmployees"] = insight.Reference.Employees,
            ["Requester"] = insight.RequesterEmail,
            ["Owners"] = JsonSerializer.Serialize(insight.OwnerEmails),
        };
        if (insight.Competitor is { } competitor) row[CompetitorKey] = InsightKeys.Normal(competitor);
        return row;
    }

    public static DebriefInsight FromRow(TableEntity row) => new(
        row.GetString("RequestId") ?? "",
        row.GetDateTimeOffset("At") ?? default,
        List(row, Topics),
        row.GetString(Competitor),
        row.GetString("Industry") ?? "",
        row.GetString("Concerns"),
        row.GetString("Landmines"),
        row.GetBoolean("Happened") ?? false,
        row.GetBoolean("MetNeeds") ?? false,
        new InsightReference(row.GetString("ReferenceId") ?? "", row.GetString("Account") ?? "", row.GetString("ReferenceIndustry") ?? "",
            row.GetInt32("ReferenceEmployees") ?? 0),
        row.GetString("Requester") ?? "",
        List(row, "Owners"));

    public static IReadOnlyList<string> List(TableEntity row, string column) =>
        row.GetString(column) is { Length: > 0 } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];
}

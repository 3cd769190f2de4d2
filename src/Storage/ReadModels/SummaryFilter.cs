using Azure.Data.Tables;

namespace ReferenceFlow.Storage.ReadModels;

/// <summary>OData filter clauses over summary rows, values quoted by the SDK.</summary>
internal static class SummaryFilter
{
    public static string Partition(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    /// <summary>The summaries' main rows: their partition less the derived rows' range.</summary>
    public static string MainRows() =>
        Partition(SummaryKeys.Partition) + " and " +
        TableClient.CreateQueryFilter($"(RowKey lt {SummaryKeys.DerivedFrom} or RowKey ge {SummaryKeys.DerivedTo})");

    /// <summary>Keys from <paramref name="from"/> (exclusive when <paramref name="after"/>) up to <paramref name="to"/> (exclusive).</summary>
    public static string Range(string partition, string from, string to, bool after = false) =>
        Partition(partition) + " and " + (after
            ? TableClient.CreateQueryFilter($"RowKey gt {from}")
            : TableClient.CreateQueryFilter($"RowKey ge {from}")) + " and " + TableClient.CreateQueryFilter($"RowKey lt {to}");

    public static string And(string column, object value) => $" and {column} eq " + TableClient.CreateQueryFilter($"{value}");
}

using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.ReadModels;

public sealed class SummaryReader(StorageLayout layout) : ISummaryReader
{
    private static readonly HashSet<string> SystemProperties = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    private TableClient Table => layout.Table(layout.Names.Summaries);

    public async Task<IReadOnlyList<RequestSummary>> QueryAsync(SummaryQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"summary"}");
        if (query.State is { } state)
        {
            filter += " and " + TableClient.CreateQueryFilter($"State eq {state}");
        }
        if (query.Requester is { } requester)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Requester eq {requester}");
        }
        if (query.CrmId is { } crmId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CrmId eq {crmId}");
        }
        if (query.Open is { } open)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Open eq {open}");
        }
        if (query.ContactEmail is { } email)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ContactEmail eq {email.Trim().ToLowerInvariant()}");
        }
        var found = new List<RequestSummary>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            found.Add(ToSummary(row));
            if (query.Max is { } max && found.Count >= max)
            {
                break;
            }
        }
        return found;
    }

    public async Task<RequestSummary?> GetAsync(string requestId, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>("summary", KeyEncoding.Encode(requestId), cancellationToken: ct)
            .ConfigureAwait(false);
        return row.HasValue ? ToSummary(row.Value!) : null;
    }

    private static RequestSummary ToSummary(TableEntity row) => new(
        row.GetString(SummaryColumns.RequestId) ?? row.RowKey,
        row.GetInt64(SummaryColumns.Version) ?? 0,
        row.Where(p => !SystemProperties.Contains(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value));
}

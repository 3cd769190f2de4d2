using Azure.Data.Tables;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.ReadModels;

public sealed class UsageReader(StorageLayout layout) : IUsageReader
{
    private TableClient Table => layout.Table(layout.Names.Usage);

    public async Task<IReadOnlyList<ContactUsage>> ForContactsAsync(
        IEnumerable<(string ReferenceId, string ContactId)> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = new List<ContactUsage>();
        foreach (var (referenceId, contactId) in contacts.Distinct())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UsageTable.Partition(referenceId, contactId)}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
            {
                var usage = UsageTable.FromRow(row);
                if (Enum.TryParse<Activity>(usage.Activity, out var activity))
                {
                    found.Add(new ContactUsage(usage.ReferenceId, usage.ContactId, usage.RequestId, activity, usage.At));
                }
            }
        }
        return found.OrderBy(u => u.At).ToArray();
    }

    public async Task<IReadOnlyList<UsageRecord>> AllAsync(DateTimeOffset? since, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var query = since is { } from
            ? Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"At ge {from}"), cancellationToken: ct)
            : Table.QueryAsync<TableEntity>(cancellationToken: ct);
        var found = new List<UsageRecord>();
        await foreach (var row in query.ConfigureAwait(false))
        {
            found.Add(UsageTable.FromRow(row));
        }
        return found.OrderBy(u => u.At).ToArray();
    }
}

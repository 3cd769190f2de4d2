using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// The directory in one Azure Table: a single partition, one row per account, filterable
/// columns beside the account document (JSON, contacts included).
/// </summary>
public sealed class TableReferenceDirectory(TableClient table) : IReferenceDirectory
{
    private const string Partition = "account";
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _exists;

    public async Task<ReferenceAccount?> GetAsync(string referenceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, referenceId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    public async Task<IReadOnlyList<ReferenceAccount>> ListAsync(ReferenceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<ReferenceAccount>();
        await foreach (var entity in table.QueryAsync<TableEntity>(ServerFilter(filter), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            var account = Read(entity);
            if (filter.Matches(account))
            {
                accounts.Add(account);
            }
        }
        return accounts.OrderBy(a => a.Account, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<bool> UpsertAsync(ReferenceAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, account.ReferenceId)
        {
            ["Account"] = account.Account,
            ["Industry"] = account.Industry.ToUpperInvariant(),
            ["Country"] = account.Country.ToUpperInvariant(),
            ["Status"] = account.Status.ToString(),
            ["Owner"] = account.OwnerEmail.ToUpperInvariant(),
            ["Document"] = JsonSerializer.Serialize(account, DirectoryJson.Options),
        };
        try
        {
            // Add first: a conflict means "replace", which tells created from updated in one round trip.
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            return false;
        }
        return true;
    }

    private static string ServerFilter(ReferenceFilter f)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {Partition}") };
        if (!string.IsNullOrWhiteSpace(f.Industry)) clauses.Add(TableClient.CreateQueryFilter($"Industry eq {f.Industry.Trim().ToUpperInvariant()}"));
        if (!string.IsNullOrWhiteSpace(f.Country)) clauses.Add(TableClient.CreateQueryFilter($"Country eq {f.Country.Trim().ToUpperInvariant()}"));
        if (f.Status is { } status) clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        if (!string.IsNullOrWhiteSpace(f.OwnerEmail)) clauses.Add(TableClient.CreateQueryFilter($"Owner eq {f.OwnerEmail.Trim().ToUpperInvariant()}"));
        return string.Join(" and ", clauses);
    }

    private static ReferenceAccount Read(TableEntity entity) =>
        JsonSerializer.Deserialize<ReferenceAccount>(entity.GetString("Document"), DirectoryJson.Options)
        ?? throw new InvalidDataException($"Reference account row {entity.RowKey} has no document.");

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_exists) return;
        await _created.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_exists)
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _exists = true;
            }
        }
        finally
        {
            _created.Release();
        }
    }
}

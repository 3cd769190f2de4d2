using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>
/// Every store that can hold a contact's data: the app's tables (named in <see cref="StorageNames"/>, plus the directory,
/// its imports and the keep-warm log, which are named where they are used), every other table under the app's prefix,
/// and the workflow engine's tables and blob containers of its task hub.
/// </summary>
public sealed class ErasureStores(TableServiceClient tables, StorageNames names, IOptions<StorageOptions> storage, IOptions<ErasureOptions> options)
{
    // Only erasure reads blobs (the engine's), so the client is made here, when first needed, not registered for everyone.
    private readonly Lazy<BlobServiceClient> _blobs = new(() => StorageClients.Blobs(storage.Value));

    public string Directory => DirectoryServiceCollectionExtensions.TableName(storage.Value.TablePrefix);

    /// <summary>The request histories: rewritten first, as they tell which requests a contact took part in.</summary>
    public string Histories => names.Requests;

    /// <summary>Every table but the histories, the directory (rewritten last, on purpose) and the erasures' own (which names nobody).</summary>
    public async Task<IReadOnlyList<string>> TablesAsync(CancellationToken ct)
    {
        var prefix = storage.Value.TablePrefix;
        var hub = options.Value.TaskHub;
        var known = new List<string>(names.All) { $"{prefix}imports", $"{prefix}keepwarm", $"{hub}History", $"{hub}Instances" };
        if (prefix.Length > 0)
        {
            var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}");
            await foreach (var table in tables.QueryAsync(filter, cancellationToken: ct).ConfigureAwait(false))
            {
                known.Add(table.Name);
            }
        }
        return [.. known.Distinct(StringComparer.OrdinalIgnoreCase).Where(t => t != names.Erasures && t != names.Requests && !string.Equals(t, Directory, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The task hub's containers (large messages, leases): "{hub}-…", lower-cased as the engine names them.</summary>
    public async Task<IReadOnlyList<string>> ContainersAsync(CancellationToken ct)
    {
        var start = options.Value.TaskHub.ToLowerInvariant() + "-";
        var found = new List<string>();
        await foreach (var container in _blobs.Value.GetBlobContainersAsync(prefix: start, cancellationToken: ct).ConfigureAwait(false))
        {
            found.Add(container.Name);
        }
        return found;
    }

    public TableClient Table(string name) => tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => _blobs.Value.GetBlobContainerClient(name);
}

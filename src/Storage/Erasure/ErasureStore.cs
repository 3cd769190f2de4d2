using System.Text.Json;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Erasure;

/// <summary>The erasures table: one row per erasure, written when it starts and when it ends.</summary>
public sealed class ErasureStore(StorageLayout layout)
{
    private const string Partition = "erasure";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => layout.Table(layout.Names.Erasures);

    public async Task SaveAsync(ErasureRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var row = new TableEntity(Partition, KeyEncoding.Encode(record.Id))
        {
            ["State"] = record.State.ToString(),
            ["Pseudonym"] = record.Pseudonym,
            ["InDirectory"] = record.InDirectory,
            ["RequestedBy"] = record.RequestedBy,
            ["RequestedAt"] = record.RequestedAt,
            ["FinishedAt"] = record.FinishedAt,
            ["Stores"] = JsonSerializer.Serialize(record.Stores, Json),
            ["Requests"] = JsonSerializer.Serialize(record.Requests, Json),
            ["Error"] = record.Error,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<ErasureRecord?> GetAsync(string id, CancellationToken ct)
    {
        if (!KeyEncoding.Fits(id)) return null;
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyEncoding.Encode(id), cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } row) return null;
        return new ErasureRecord(
            id,
            Enum.Parse<ErasureState>(row.GetString("State") ?? nameof(ErasureState.Running)),
            row.GetString("Pseudonym") ?? "",
            row.GetBoolean("InDirectory") ?? false,
            row.GetString("RequestedBy") ?? "",
            row.GetDateTimeOffset("RequestedAt") ?? default,
            row.GetDateTimeOffset("FinishedAt"),
            JsonSerializer.Deserialize<List<StoreCleared>>(row.GetString("Stores") ?? "[]", Json) ?? [],
            JsonSerializer.Deserialize<List<string>>(row.GetString("Requests") ?? "[]", Json) ?? [],
            row.GetString("Error"));
    }
}

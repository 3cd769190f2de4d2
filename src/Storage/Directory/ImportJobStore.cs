using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Serialization;

namespace ReferenceFlow.Storage.Directory;

/// <summary>
/// Import jobs in the table <c>{prefix}imports</c>, one partition per job: the parsed accounts in batches (written
/// first), the job row (written last: a job exists once all of it is stored), and a done row per batch applied. The
/// progress is read from the done rows, so a batch applied twice (an activity retried) is counted once.
/// </summary>
public sealed class ImportJobStore(TableClient table)
{
    private readonly AsyncOnce _created = new(async ct => await table.CreateIfNotExistsAsync(ct).ConfigureAwait(false));
    /// <summary>At most this many accounts per batch (one activity's work): a few dozen batches for a 10,000-account file,
    /// so the engine's cost per activity does not outweigh the writes, and progress still moves every second or so.</summary>
    public const int BatchSize = 200;

    /// <summary>And at most this much JSON, so that a batch of large accounts still fits one row (64 KiB a property, 12 of them).</summary>
    private const int BatchChars = ChunkedJson.ChunkChars * ChunkedJson.MaxChunks * 5 / 6;
    public const int MaxRejectedKept = 1000;

    private const string JobRow = "job";

    /// <summary>Stores the job, <see cref="ImportState.Pending"/> until <see cref="MarkStartedAsync"/>; returns how many batches it has.</summary>
    public async Task<int> CreateAsync(
        string id, IReadOnlyList<ImportedAccount> accounts, IReadOnlyList<ImportRejection> rejected, int rows, string by, DateTimeOffset at,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(rejected);
        await EnsureTableAsync(ct).ConfigureAwait(false);
        var batches = Batches(accounts).ToArray();
        await Parallel.ForEachAsync(batches.Select((batch, n) => (batch, n)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (b, token) =>
            {
                var row = new TableEntity(id, BatchKey(b.n));
                ChunkedJson.Write(row, "Accounts", $"[{string.Join(',', b.batch)}]", $"Import batch {b.n}");
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        var job = new TableEntity(id, JobRow)
        {
            ["Batches"] = batches.Length,
            ["Rows"] = rows,
            ["RejectedCount"] = rejected.Count,
            ["SubmittedAt"] = at,
            ["SubmittedBy"] = by,
            ["Started"] = false,
        };
        ChunkedJson.Write(job, "Rejected", JsonSerializer.Serialize(rejected.Take(MaxRejectedKept), DirectoryJson.Options), "Rejected lines");
        await table.UpsertEntityAsync(job, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return batches.Length;
    }

    /// <summary>The accounts as JSON, ordered by id, in batches of at most <see cref="BatchSize"/> accounts and about <see cref="BatchChars"/> characters.</summary>
    private static IEnumerable<List<string>> Batches(IEnumerable<ImportedAccount> accounts)
    {
        var batch = new List<string>();
        var chars = 0;
        // In order of id: each batch is a range of ids, which applying it reads in one query.
        foreach (var json in accounts.OrderBy(a => a.Account.ReferenceId, StringComparer.Ordinal).Select(a => JsonSerializer.Serialize(a, DirectoryJson.Options)))
        {
            if (batch.Count == BatchSize || (batch.Count > 0 && chars + json.Length + 1 > BatchChars))
            {
                yield return batch;
                batch = [];
                chars = 0;
            }
            batch.Add(json);
            chars += json.Length + 1;
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>Marks a stored job as confirmed; returns its batch count, or null when there is no such job.</summary>
    public async Task<int?> MarkStartedAsync(string id, CancellationToken ct)
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        if (!IsJobId(id)) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(id, JobRow, ["Batches"], ct).ConfigureAwait(false);
        if (!found.HasValue) return null;
        await table.UpdateEntityAsync(new TableEntity(id, JobRow) { ["Started"] = true }, Azure.ETag.All, TableUpdateMode.Merge, ct).ConfigureAwait(false);
        return found.Value!.GetInt32("Batches") ?? 0;
    }

    public async Task<IReadOnlyList<ImportedAccount>> BatchAsync(string id, int batch, CancellationToken ct)
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityAsync<TableEntity>(id, BatchKey(batch), cancellationToken: ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize<ImportedAccount[]>(ChunkedJson.Read(row.Value, "Accounts"), DirectoryJson.Options) ?? [];
    }

    public async Task MarkDoneAsync(string id, int batch, int created, int updated, int lines, CancellationToken ct)
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(id, DoneKey(batch))
        {
            ["Created"] = created,
            ["Updated"] = updated,
            ["Lines"] = lines,
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The job with its progress, or null when there is none with this id.</summary>
    public async Task<ImportJob?> GetAsync(string id, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await EnsureTableAsync(ct).ConfigureAwait(false);
        if (!IsJobId(id)) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(id, JobRow, cancellationToken: ct).ConfigureAwait(false);
        if (!found.HasValue) return null;
        var job = found.Value!;
        int done = 0, created = 0, updated = 0, lines = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {"done-"} and RowKey lt {"done."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Created", "Updated", "Lines"], cancellationToken: ct).ConfigureAwait(false))
        {
            done++;
            created += row.GetInt32("Created") ?? 0;
            updated += row.GetInt32("Updated") ?? 0;
            lines += row.GetInt32("Lines") ?? 0;
        }
        var rejectedCount = job.GetInt32("RejectedCount") ?? 0;
        var state = job.GetBoolean("Started") != true ? ImportState.Pending
            : done >= (job.GetInt32("Batches") ?? 0) ? ImportState.Done : ImportState.Running;
        return new ImportJob(
            id, state, job.GetInt32("Rows") ?? 0, rejectedCount + lines, created, updated,
            JsonSerializer.Deserialize<ImportRejection[]>(ChunkedJson.Read(job, "Rejected"), DirectoryJson.Options) ?? [],
            rejectedCount, job.GetDateTimeOffset("SubmittedAt") ?? default, job.GetString("SubmittedBy") ?? "");
    }

    // Ids are ours (hex); anything else is no job, not a malformed table query.
    private static bool IsJobId(string id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    private static string BatchKey(int batch) => "batch-" + batch.ToString("D6", CultureInfo.InvariantCulture);

    private static string DoneKey(int batch) => "done-" + batch.ToString("D6", CultureInfo.InvariantCulture);

    private Task EnsureTableAsync(CancellationToken ct) => _created.EnsureAsync(ct);
}

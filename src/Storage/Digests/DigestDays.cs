using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Digests;

/// <summary>
/// A row per day in <c>{prefix}digests</c> for the program manager's morning digest: being sent, sent, or nothing waited.
/// Whoever inserts the day's row first (a conditional insert) decides the day, so two replicas, or the Web host and the
/// Functions app, running at the same hour send one digest between them. A claim older than its lease belongs to a run
/// that died before sending and is taken over. The rows name no one.
/// </summary>
public sealed class DigestDays
{
    private const string Row = "digest";
    private const string StateColumn = "State";
    private const string UntilColumn = "ClaimedUntil";

    private readonly TableClient _table;
    private readonly TimeProvider _clock;
    private readonly AsyncOnce _created;

    public DigestDays(TableServiceClient tables, IOptions<StorageOptions> storage, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(storage);
        _table = tables.GetTableClient($"{storage.Value.TablePrefix}digests");
        _clock = clock;
        _created = new AsyncOnce(async ct => await _table.CreateIfNotExistsAsync(ct).ConfigureAwait(false));
    }

    /// <summary>Whether the day was decided: its digest sent or being sent, or nothing waited.</summary>
    public async Task<bool> IsDecidedAsync(DateOnly day, CancellationToken ct)
    {
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Key(day), Row, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && !Lapsed(row.Value!);
    }

    /// <summary>Records that nothing waited on <paramref name="day"/>: no digest that day, whoever looks later.</summary>
    public async Task MarkNothingWaitedAsync(DateOnly day, CancellationToken ct)
    {
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        try
        {
            await _table.AddEntityAsync(new TableEntity(Key(day), Row) { [StateColumn] = DigestDayState.NothingWaited.ToString() }, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another run decided the day first.
        }
    }

    /// <summary>Claims the day's digest for this run for <paramref name="lease"/>; null when another run has it.</summary>
    public async Task<ETag?> TryClaimAsync(DateOnly day, TimeSpan lease, CancellationToken ct)
    {
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        try
        {
            var added = await _table.AddEntityAsync(Claim(day, lease), ct).ConfigureAwait(false);
            return added.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Decided or being sent by another run: only a lapsed claim is taken over.
        }

        var row = (await _table.GetEntityAsync<TableEntity>(Key(day), Row, cancellationToken: ct).ConfigureAwait(false)).Value;
        if (!Lapsed(row)) return null;
        try
        {
            var taken = await _table.UpdateEntityAsync(Claim(day, lease), row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return taken.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null; // another run took it over first
        }
    }

    public async Task MarkSentAsync(DateOnly day, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(Key(day), Row) { [StateColumn] = DigestDayState.Sent.ToString() }, TableUpdateMode.Replace, ct)
            .ConfigureAwait(false);

    /// <summary>The send failed in a way that may pass: the day is open again for the next run.</summary>
    public async Task ReleaseAsync(DateOnly day, ETag claim, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(Key(day), Row, claim, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or taken over after the lease: not ours.
        }
    }

    public async Task<DigestDayState?> StateAsync(DateOnly day, CancellationToken ct)
    {
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Key(day), Row, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && Enum.TryParse<DigestDayState>(row.Value!.GetString(StateColumn), out var state) ? state : null;
    }

    private TableEntity Claim(DateOnly day, TimeSpan lease) => new(Key(day), Row)
    {
        [StateColumn] = DigestDayState.Sending.ToString(),
        [UntilColumn] = _clock.GetUtcNow() + lease,
    };

    private bool Lapsed(TableEntity row) =>
        row.GetString(StateColumn) == nameof(DigestDayState.Sending) && row.GetDateTimeOffset(UntilColumn) is { } until && until <= _clock.GetUtcNow();

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public enum DigestDayState
{
    /// <summary>A run claimed the day and is sending its digest.</summary>
    Sending,

    Sent,

    /// <summary>Nothing waited on the program manager when the day was looked at: no digest that day.</summary>
    NothingWaited,
}

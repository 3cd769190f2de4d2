using Azure;
using Azure.Data.Tables;
using ReferenceFlow.Storage.Configuration;

namespace ReferenceFlow.Storage.Requests;

/// <summary>
/// Sends each email of a request once, even when two runs of the same decision meet (the submitter applying the first
/// decision while the request confirms it, or a replica whose activity lock ran out): a run claims the email before it
/// goes out, for a lease, and records how it ended. One row per email in the request's partition, under the key the
/// older "sent" marks used, so a mark written before claims existed reads as sent.
/// </summary>
public sealed class EmailSends(StorageLayout layout, TimeProvider clock)
{
    private TableClient Table => layout.Table(layout.Names.Requests);

    /// <summary>
    /// Claims the email for this run for <paramref name="lease"/>, or says how another run left it. The lease must be longer
    /// than a send with all its retries: a claim older than that belongs to a run that died, and is taken over.
    /// </summary>
    public async Task<EmailSend> BeginAsync(string requestId, string effectId, TimeSpan lease, CancellationToken ct)
    {
        await layout.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var pk = KeyEncoding.Encode(requestId);
        var rk = RowKey(effectId);
        try
        {
            var added = await Table.AddEntityAsync(Claim(pk, rk, effectId, lease), ct).ConfigureAwait(false);
            return new EmailSend(EmailSendState.Claimed, added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Someone began this email before: see how far they got.
        }
        var row = (await Table.GetEntityAsync<TableEntity>(pk, rk, cancellationToken: ct).ConfigureAwait(false)).Value;
        switch (row.GetString(StateColumn))
        {
            case null or Sent: return new EmailSend(EmailSendState.Sent, row.ETag);
            case Refused: return new EmailSend(EmailSendState.Refused, row.ETag, row.GetString(ReasonColumn));
        }
        if (row.GetDateTimeOffset(UntilColumn) > clock.GetUtcNow())
        {
            return new EmailSend(EmailSendState.Busy, row.ETag);
        }
        try
        {
            var taken = await Table.UpdateEntityAsync(Claim(pk, rk, effectId, lease), row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return new EmailSend(EmailSendState.Claimed, taken.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new EmailSend(EmailSendState.Busy, row.ETag); // another run took the lapsed claim first
        }
    }

    /// <summary>The email went out, or the server refused it for good (<paramref name="refusal"/>): no run sends it again.</summary>
    public async Task CompleteAsync(string requestId, string effectId, string? refusal, CancellationToken ct)
    {
        var row = new TableEntity(KeyEncoding.Encode(requestId), RowKey(effectId))
        {
            ["Key"] = MarkKey(effectId),
            [StateColumn] = refusal is null ? Sent : Refused,
            [ReasonColumn] = refusal,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The send failed in a way that may pass: give the claim back so the next attempt need not wait for the lease.</summary>
    public async Task ReleaseAsync(string requestId, string effectId, ETag claim, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(KeyEncoding.Encode(requestId), RowKey(effectId), claim, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Already gone, or taken over after the lease: not ours to delete.
        }
    }

    private TableEntity Claim(string pk, string rk, string effectId, TimeSpan lease) => new(pk, rk)
    {
        ["Key"] = MarkKey(effectId),
        [StateColumn] = Sending,
        [UntilColumn] = clock.GetUtcNow() + lease,
    };

    private static string MarkKey(string effectId) => "sent:" + effectId;

    private static string RowKey(string effectId) => RequestRows.Mark(MarkKey(effectId));

    private const string StateColumn = "SendState";
    private const string UntilColumn = "ClaimedUntil";
    private const string ReasonColumn = "Reason";
    private const string Sending = "Sending";
    private const string Sent = "Sent";
    private const string Refused = "Refused";
}

public enum EmailSendState
{
    /// <summary>This run holds the email: send it, then complete or release.</summary>
    Claimed,

    /// <summary>It went out already.</summary>
    Sent,

    /// <summary>The server refused it for good; <see cref="EmailSend.Refusal"/> says why.</summary>
    Refused,

    /// <summary>Another run is sending it now.</summary>
    Busy,
}

/// <summary>How a run found one email: its state, the claim's ETag, and a refusal's reason.</summary>
public sealed record EmailSend(EmailSendState State, ETag Claim, string? Refusal = null);

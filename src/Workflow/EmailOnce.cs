using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email;
using ReferenceFlow.Email.Sending;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow;

/// <summary>
/// Sends an email at most once per effect, however many runs of the same work meet: each run claims the email before it
/// goes out (<see cref="EmailSends"/>, in the partition of the request or nomination it belongs to) and records how it ended.
/// </summary>
public sealed class EmailOnce(EmailSends sends, EmailDispatcher email, IOptions<WorkflowOptions> options)
{
    private const int BusyLooks = 10;

    /// <summary>Sends <paramref name="message"/> unless a run sent it already; returns the server's refusal when it refused it for good.
    /// Throws <see cref="EmailBeingSentException"/> when another run is sending it right now.</summary>
    public async Task<string?> SendAsync(string partition, string effectId, OutboundEmail message, CancellationToken ct)
    {
        var lease = options.Value.EmailClaimLease;
        var claimedAt = DateTimeOffset.UtcNow;
        var send = await sends.BeginAsync(partition, effectId, lease, ct);
        // The other run is most often the submitter finishing this very email: a moment's wait beats a durable retry.
        for (var look = 0; send.State == EmailSendState.Busy && look < BusyLooks; look++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            claimedAt = DateTimeOffset.UtcNow;
            send = await sends.BeginAsync(partition, effectId, lease, ct);
        }
        switch (send.State)
        {
            case EmailSendState.Sent: return null;
            case EmailSendState.Refused: return send.Refusal;
            case EmailSendState.Busy: throw new EmailBeingSentException(effectId);
        }
        string? refusal = null;
        try
        {
            await email.SendAsync(message, effectId, ct);
        }
        catch (PermanentEmailException e)
        {
            refusal = e.Message;
        }
        catch
        {
            await sends.ReleaseAsync(partition, effectId, send.Claim, CancellationToken.None);
            throw;
        }
        // Completed after sending: a crash in between sends it again once the lease lapses (same Message-ID), never not at all.
        // A storage outage here would do the same, so keep trying while the claim is still ours (most of its lease).
        var giveUpAt = claimedAt + lease * 0.8;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sends.CompleteAsync(partition, effectId, refusal, ct);
                return refusal;
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTimeOffset.UtcNow < giveUpAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)), ct);
            }
        }
    }
}

using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Email;
using ReferenceFlow.Email.Sending;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.ReadModels;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// Every effect of one decision, in the order that keeps what people see consistent: the history and the read model
/// first (a person who gets an email finds the request as it describes), then the program's figures, usage, contact touches and thanks, then
/// each email. Any number of runs of the same decision, one after another or at once, leave the same result: the history
/// append and the read models are idempotent, and each email is claimed before it goes out (<see cref="EmailSends"/>).
/// </summary>
public sealed class DecisionApplier(
    RequestStore store, EmailSends sends, SummaryWriter summaries, UsageWriter usage, ContactTouches touches, ThanksLedger thanks,
    ProgramFactsWriter program, IEmailDispatcher email, IOptions<WorkflowOptions> options)
{
    /// <summary>Applies <paramref name="decision"/>; returns the emails the mail server refused for good, to be recorded on the request.
    /// Throws <see cref="EmailBeingSentException"/> when another run is sending one of them right now.</summary>
    public async Task<IReadOnlyList<EffectFailure>> ApplyAsync(Decision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var id = decision.RequestId;
        await store.AppendAsync(id, decision.FromVersion, decision.Events, decision.After, ct);
        await summaries.WriteAsync(RequestSummaryProjector.Project(id, decision.ToVersion, decision.After), ct);
        await program.RecordAsync(decision, ct);
        foreach (var credit in decision.Usage)
        {
            await usage.RecordAsync(
                new UsageRecord(credit.ReferenceId, credit.ContactId, credit.RequestId, credit.Activity, credit.At, credit.InfluencedRevenueUsd), ct);
        }
        foreach (var touch in decision.Touches)
        {
            await touches.RecordAsync(touch.ReferenceId, touch.ContactId, touch.RequestId, touch.At, ct);
        }
        // Decisions queued before thanks were recorded carry none (null).
        foreach (var thank in decision.Thanks ?? [])
        {
            await thanks.RecordAsync(new ThanksRecord(thank.ReferenceId, thank.ContactId, thank.RequestId, thank.At, thank.Gift), ct);
        }
        var failures = new List<EffectFailure>();
        foreach (var planned in decision.Emails)
        {
            if (await SendOnceAsync(id, planned, ct) is { } refusal)
            {
                failures.Add(new EffectFailure(planned.EffectId, nameof(SendEmail), refusal, 1));
            }
        }
        return failures;
    }

    /// <summary>Sends one email unless a run sent it already; returns the server's refusal when it refused it for good.</summary>
    private async Task<string?> SendOnceAsync(string requestId, PlannedEmail planned, CancellationToken ct)
    {
        var send = await sends.BeginAsync(requestId, planned.EffectId, options.Value.EmailClaimLease, ct);
        // The other run is most often the submitter finishing this very email: a moment's wait beats a durable retry.
        for (var look = 0; send.State == EmailSendState.Busy && look < BusyLooks; look++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            send = await sends.BeginAsync(requestId, planned.EffectId, options.Value.EmailClaimLease, ct);
        }
        switch (send.State)
        {
            case EmailSendState.Sent: return null;
            case EmailSendState.Refused: return send.Refusal;
            case EmailSendState.Busy: throw new EmailBeingSentException(planned.EffectId);
        }
        string? refusal = null;
        try
        {
            await email.SendAsync(planned.Email, planned.EffectId, ct);
        }
        catch (PermanentEmailException e)
        {
            refusal = e.Message;
        }
        catch
        {
            await sends.ReleaseAsync(requestId, planned.EffectId, send.Claim, CancellationToken.None);
            throw;
        }
        // Completed after sending: a crash in between sends it again once the lease lapses (same Message-ID), never not at all.
        // A storage hiccup here would do the same and hold up the request's confirmation for the lease, so try a little harder.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sends.CompleteAsync(requestId, planned.EffectId, refusal, ct);
                return refusal;
            }
            catch (Exception e) when (attempt < CompleteAttempts && e is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
            }
        }
    }

    private const int CompleteAttempts = 3;
    private const int BusyLooks = 10;
}

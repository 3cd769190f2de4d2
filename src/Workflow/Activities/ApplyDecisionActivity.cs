using Microsoft.DurableTask;
using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Email;
using ReferenceFlow.Email.Sending;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow.Activities;

/// <summary>
/// Every effect of one decision, in the order that keeps what people see consistent: the history
/// and the read model first (a person who gets an email finds the request as it describes), then
/// usage, contact touches and thanks, then each email. At least once: the history append and usage are idempotent, and each
/// email is marked sent by its effect id so a retry sends only what did not go out.
/// Returns the emails the mail server refused for good, to be recorded on the request.
/// </summary>
[DurableTask(WorkflowNames.ApplyDecision)]
public sealed class ApplyDecisionActivity(
    RequestStore store, SummaryWriter summaries, UsageWriter usage, ContactTouches touches, ThanksLedger thanks, IEmailDispatcher email)
    : TaskActivity<Decision, IReadOnlyList<EffectFailure>>
{
    public override async Task<IReadOnlyList<EffectFailure>> RunAsync(TaskActivityContext context, Decision input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None; // the engine gives activities no token; each call has its own timeout
        await store.AppendAsync(input.RequestId, input.FromVersion, input.Events, input.After, ct);
        await summaries.WriteAsync(RequestSummaryProjector.Project(input.RequestId, input.ToVersion, input.After), ct);
        foreach (var credit in input.Usage)
        {
            await usage.RecordAsync(
                new UsageRecord(credit.ReferenceId, credit.ContactId, credit.RequestId, credit.Activity, credit.At, credit.InfluencedRevenueUsd), ct);
        }
        foreach (var touch in input.Touches)
        {
            await touches.RecordAsync(touch.ReferenceId, touch.ContactId, touch.RequestId, touch.At, ct);
        }
        // Decisions queued before thanks were recorded carry none (null).
        foreach (var thank in input.Thanks ?? [])
        {
            await thanks.RecordAsync(new ThanksRecord(thank.ReferenceId, thank.ContactId, thank.RequestId, thank.At, thank.Gift), ct);
        }
        var failures = new List<EffectFailure>();
        foreach (var planned in input.Emails)
        {
            var sent = SentMark(planned.EffectId);
            if (await store.IsMarkedAsync(input.RequestId, sent, ct))
            {
                continue;
            }
            try
            {
                await email.SendAsync(planned.Email, planned.EffectId, ct);
            }
            catch (PermanentEmailException e)
            {
                failures.Add(new EffectFailure(planned.EffectId, nameof(SendEmail), e.Message, 1));
            }
            // Marked after sending: a crash in between sends it again (same Message-ID), never not at all.
            await store.TryMarkAsync(input.RequestId, sent, ct);
        }
        return failures;
    }

    private static string SentMark(string effectId) => "sent:" + effectId;
}

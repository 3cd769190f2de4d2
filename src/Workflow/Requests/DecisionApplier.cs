using ReferenceFlow.Domain.Workflow;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.ReadModels;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// Every effect of one decision, once its events are in the history (<see cref="RequestCommandHandler"/>), in the order that
/// keeps what people see consistent: the read model first (a person who gets an email finds the request as it describes), then usage, the contacts it lets go, contact
/// touches, thanks and insights, then each email, and the program's figures last. Any number of runs of the same decision,
/// one after another or at once, leave the same result: the read models are idempotent by version, and each
/// email is claimed before it goes out (<see cref="EmailSends"/>).
/// </summary>
public sealed class DecisionApplier(
    SummaryWriter summaries, ProgramFactsWriter program, UsageWriter usage, ContactTouches touches,
    ThanksLedger thanks, InsightStore insights, ContactHolder holder, EmailOnce email)
{
    /// <summary>Every effect but the program's figures; returns the emails the mail server refused for good, to be recorded on the request.
    /// Throws <see cref="EmailBeingSentException"/> when another run is sending one of them right now.</summary>
    public async Task<IReadOnlyList<EffectFailure>> ApplyAllButFiguresAsync(Decision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var id = decision.RequestId;
        await summaries.WriteAsync(RequestSummaryProjector.Project(id, decision.ToVersion, decision.After), ct, likelyNew: decision.FromVersion == 0);
        foreach (var credit in decision.Usage)
        {
            await usage.RecordAsync(
                new UsageRecord(credit.ReferenceId, credit.ContactId, credit.RequestId, credit.Activity, credit.At, credit.InfluencedRevenueUsd), ct);
        }
        foreach (var touch in decision.Touches)
        {
            await touches.RecordAsync(touch.ReferenceId, touch.ContactId, touch.RequestId, touch.At, ct);
        }
        // After the usage: a contact let go is never free to be chosen again with a use not yet counted.
        foreach (var contact in decision.Released ?? [])
        {
            await holder.ReleaseAsync(contact, id, ct);
        }
        // Decisions queued before thanks were recorded carry none (null).
        foreach (var thank in decision.Thanks ?? [])
        {
            await thanks.RecordAsync(new ThanksRecord(thank.ReferenceId, thank.ContactId, thank.RequestId, thank.At, thank.Gift), ct);
        }
        // Decisions queued before insights were recorded carry none (null).
        foreach (var insight in decision.Insights ?? [])
        {
            await insights.RecordAsync(insight, ct);
        }
        var failures = new List<EffectFailure>();
        foreach (var planned in decision.Emails)
        {
            if (await email.SendAsync(id, planned.EffectId, planned.Email, ct) is { } refusal)
            {
                failures.Add(new EffectFailure(planned.EffectId, nameof(SendEmail), refusal, 1));
            }
        }
        return failures;
    }

    /// <summary>The history version the request's program figures have counted to (0: none yet).</summary>
    public async Task<long> FiguresVersionAsync(string requestId, CancellationToken ct) => (await program.ReadAsync(requestId, ct)).Version;

    /// <summary>The program's figures, last: every submission moves today's row, written with whatever else arrives meanwhile (decision 047); no email waits on a chart.</summary>
    public Task RecordFiguresAsync(Decision decision, CancellationToken ct) => program.RecordAsync(decision, ct);
}

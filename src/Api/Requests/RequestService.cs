using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.Erasure;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests.Views;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Reference requests for endpoints and pages alike: submit (match, then start the request's workflow),
/// read with history, list, cancel, debrief and record outcomes. Access rules live in <see cref="RequestAccess"/>.
/// </summary>
public sealed class RequestService(
    RequestWorkflow workflow,
    DirectoryWithUsage everyone,
    ISummaryReader summaries,
    ContactHolder holder,
    WorkflowPolicy policy,
    IOptions<ProgramOptions> program,
    TimeProvider clock,
    RequestStore store,
    IOptions<AlternativesOptions> alternatives,
    IPeopleDirectory people)
{
    /// <summary>Matches and starts a request. With <paramref name="idempotencyKey"/> the same user's same key always names the
    /// same request, so a retried submission finds the first instead of creating a second.</summary>
    public async Task<Submission> SubmitAsync(RequestIntake intake, CurrentUser user, CancellationToken ct, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var known = await everyone.LoadAsync(ct);
        var usage = UsageIndex.Build(known.Usage, now);
        // The first candidate is chosen as it is ranked, so submissions at the same moment each ask someone else.
        var candidates = await holder.RankFreeAsync((excluded, take) => Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics,
            known.Directory.Index, usage, excluded, now, policy, take), Matcher.Candidates, asked: 1, [], null, ct);
        var id = idempotencyKey is null ? NewId(now) : IdFor(user, idempotencyKey);
        return await workflow.SubmitAsync(new SubmitRequest(id, intake, user.Email, program.Value.ManagerEmail, candidates, now), ct);
    }

    /// <summary>A request as <paramref name="user"/> may see it, times in its text in <paramref name="readerZone"/> (the program's business zone when not given).</summary>
    public async Task<RequestLookup> GetAsync(string id, CurrentUser user, CancellationToken ct, TimeZoneInfo? readerZone = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await workflow.LoadAsync(id, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted || !RequestAccess.CanView(user, snapshot.State))
        {
            return new RequestLookup.Missing();
        }
        // The state and the history are two reads: a decision landing between them would show its events under the
        // state before them (a debriefed call still asking for its debrief). The history is shown as of the state read.
        var history = (await workflow.ReadHistoryAsync(id, ct)).Where(h => h.Version <= snapshot.Version).ToList();
        // A participant's data erased from the history (decision 032) is said on the page, not left to be guessed.
        var erased = await store.IsMarkedAsync(id, ContactEraser.ErasedMark, ct);
        var kept = snapshot.State.Policy ?? policy;
        var named = await people.FindAsync(RequestViews.Staff(snapshot.State, history), ct);
        var view = RequestViews.Build(id, snapshot.State, history, user, readerZone ?? TimeWords.Zone(null, kept.BusinessTimeZone), kept, named);
        var links = snapshot.State is { Status: RequestStatus.Deferred, Intake: { } intake } ? AlternativeLinks.For(intake, alternatives.Value) : null;
        return new RequestLookup.Found(view with { ParticipantErased = erased, AlternativeLinks = links });
    }

    /// <summary>
    /// The requests for the same opportunity submitted after <paramref name="view"/> that the user may see, oldest first: a
    /// deferred request shows where its rep asked again (decision 035).
    /// </summary>
    public async Task<IReadOnlyList<RequestListItem>> AskedAgainAsync(RequestView view, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(user);
        if (view.Intake is not { } intake) return [];
        var later = new List<RequestSummary>();
        foreach (var requestId in await summaries.ForOpportunityAsync(intake.Opportunity.CrmId, ct))
        {
            if (requestId == view.Id || await summaries.GetAsync(requestId, ct) is not { } row) continue;
            if (row.SubmittedAt <= view.SubmittedAt || !RequestAccess.CanView(user, row.Requester, [.. row.Owner is { } owner ? [owner] : Array.Empty<string>(), .. row.WaitingBeside ?? []])) continue;
            later.Add(row);
        }
        var named = await people.FindAsync(later.Select(r => r.Requester), ct);
        return [.. later.OrderBy(r => r.SubmittedAt).Select(r => RequestViews.ListItem(r, named))];
    }

    /// <summary>A page of requests, newest first: reps see their own; the program manager everything (or theirs with
    /// <see cref="RequestListQuery.Mine"/>); owners what is theirs or waits on them.</summary>
    public async Task<RequestListPage> ListAsync(RequestListQuery query, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await summaries.PageAsync(Visible(query, user) with { PageSize = query.PageSize, Continuation = query.Continuation }, ct);
        var named = await people.FindAsync(page.Items.Select(r => r.Requester), ct);
        return new RequestListPage(page.Items.Select(r => RequestViews.ListItem(r, named)).ToList(), page.Continuation);
    }

    /// <summary>How many requests the user would find with <paramref name="query"/>, on every page together.</summary>
    public Task<int> CountAsync(RequestListQuery query, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return summaries.CountAsync(Visible(query, user), ct);
    }

    private static SummaryQuery Visible(RequestListQuery query, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var filter = new SummaryQuery(query.State?.ToString(), Open: query.Open, NeedsAttention: query.NeedsAttention);
        if (query.Mine || (user.IsSalesRep && !user.IsProgramManager)) return filter with { Requester = user.Email };
        return user.IsProgramManager ? filter : filter with { Person = user.Email };
    }

    public Task<RequestResult> CancelAsync(string id, CurrentUser user, string? reason, CancellationToken ct) =>
        ActAsync(id, user, now => new CancelRequest(user.Email, reason, now), ct);

    public Task<RequestResult> DebriefAsync(string id, CurrentUser user, DebriefInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(id, user,
            now => new SubmitDebrief(input.Happened, input.MetNeeds, input.Concerns, input.Landmines, input.Notes, user.Email, now, input.Gift), ct);
    }

    /// <summary>
    /// Records Won/Lost on every submitted request of the opportunity, whatever its state: the decider withdraws open asks
    /// and closes the loop after the call. Requests that already have an outcome are left as they are.
    /// </summary>
    public async Task<OutcomeRecording> RecordOutcomeAsync(string crmId, DealOutcome outcome, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var known = false;
        DealOutcome? recordedOtherwise = null;
        var changed = new List<RequestResult.Done>();
        foreach (var requestId in await summaries.ForOpportunityAsync(crmId, ct))
        {
            var snapshot = await workflow.LoadAsync(requestId, ct);
            if (snapshot is null || !snapshot.State.IsSubmitted) continue;
            // Reps may only close their own; the CRM and the program manager close any.
            if (user.IsSalesRep && !user.IsProgramManager && !user.Is(snapshot.State.RequesterEmail)) continue;
            known = true;
            if (snapshot.State.Outcome is { } recorded)
            {
                if (recorded != outcome) recordedOtherwise = recorded;
                continue;
            }
            if (await workflow.SendAsync(requestId, new RecordOutcome(outcome, clock.GetUtcNow()), ct) is CommandOutcome.Accepted accepted)
            {
                changed.Add(new RequestResult.Done(requestId, accepted.Expected.Status));
            }
        }
        return new OutcomeRecording(known, changed, recordedOtherwise);
    }

    private async Task<RequestResult> ActAsync(string id, CurrentUser user, Func<DateTimeOffset, RequestCommand> command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await workflow.LoadAsync(id, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted || !RequestAccess.CanView(user, snapshot.State)) return new RequestResult.Missing();
        if (!RequestAccess.CanAct(user, snapshot.State)) return new RequestResult.Forbidden();
        return await workflow.SendAsync(id, command(clock.GetUtcNow()), ct) is CommandOutcome.Accepted accepted
            ? new RequestResult.Done(id, accepted.Expected.Status)
            : new RequestResult.Missing();
    }

    // Version 7: ids sort by submission time, which keeps table scans and logs readable.
    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>The request id a user's idempotency key stands for: the same key from another user is another request.</summary>
    public static string IdFor(CurrentUser user, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Email.Trim().ToUpperInvariant()}\n{idempotencyKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}

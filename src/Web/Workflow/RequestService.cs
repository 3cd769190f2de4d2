using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Web.Auth;
using ReferenceFlow.Web.Workflow.Views;

namespace ReferenceFlow.Web.Workflow;

/// <summary>
/// Reference requests for endpoints and pages alike: submit (match, then SubmitRequest), read with
/// history, list, cancel, debrief and record outcomes. Access rules live in <see cref="RequestAccess"/>.
/// </summary>
public sealed class RequestService(
    DurableRuntime<RequestState, RequestCommand, RequestEvent> runtime,
    IReferenceDirectory directory,
    IUsageReader usage,
    ISummaryReader summaries,
    WorkflowPolicy policy,
    IOptions<ProgramOptions> program,
    TimeProvider clock)
{
    public async Task<RequestResult.Done> SubmitAsync(RequestIntake intake, CurrentUser user, CancellationToken ct, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var accounts = await directory.ListAsync(ReferenceFilter.All, ct);
        var keys = accounts.SelectMany(a => a.Contacts.Select(c => (a.ReferenceId, c.ContactId))).ToList();
        var used = await usage.ForContactsAsync(keys, ct);
        var busy = await BusyContactsAsync(ct);
        var candidates = Matcher.Rank(intake, accounts, used, busy, now, policy);
        var id = requestId ?? NewId(now);
        var outcome = await runtime.ExecuteAsync(id,
            new SubmitRequest(id, intake, user.Email, program.Value.ManagerEmail, candidates, now), $"submit:{id}", mustExist: false, ct);
        return new RequestResult.Done(id, StateOf(outcome)!.Status);
    }

    public async Task<RequestLookup> GetAsync(string id, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await runtime.LoadAsync(id, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted || !RequestAccess.CanView(user, snapshot.State))
        {
            return new RequestLookup.Missing();
        }
        var history = await runtime.ReadHistoryAsync(id, ct);
        return new RequestLookup.Found(RequestViews.Build(id, snapshot.State, history, user));
    }

    /// <summary>Lists requests: reps see their own; the program manager everything (or theirs with <paramref name="mine"/>);
    /// owners what waits on them.</summary>
    public async Task<IReadOnlyList<RequestListItem>> ListAsync(RequestStatus? state, bool mine, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ownOnly = mine || !user.IsProgramManager;
        var rows = await summaries.QueryAsync(new SummaryQuery(state?.ToString(), ownOnly && (user.IsSalesRep || mine) ? user.Email.ToUpperInvariant() : null), ct);
        if (ownOnly && !user.IsSalesRep && !mine)
        {
            rows = rows.Where(r => user.Is(r.GetString(RequestSummaryProjector.Owner) ?? "") || user.Is(r.GetString(RequestSummaryProjector.WaitingOn) ?? "")).ToList();
        }
        return rows.Select(RequestViews.ListItem).OrderByDescending(r => r.SubmittedAt).ToList();
    }

    public Task<RequestResult> CancelAsync(string id, CurrentUser user, string? reason, CancellationToken ct) =>
        ActAsync(id, user, now => new CancelRequest(user.Email, reason, now), $"cancel:{id}", ct);

    public Task<RequestResult> DebriefAsync(string id, CurrentUser user, DebriefInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActAsync(id, user,
            now => new SubmitDebrief(input.Happened, input.MetNeeds, input.Concerns, input.Landmines, input.Notes, user.Email, now),
            $"debrief:{Guid.NewGuid():N}", ct);
    }

    /// <summary>Records Won/Lost on every request of the opportunity that can take it; returns the requests changed.</summary>
    public async Task<IReadOnlyList<RequestResult.Done>> RecordOutcomeAsync(string crmId, string outcome, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = await summaries.QueryAsync(new SummaryQuery(), ct);
        var done = new List<RequestResult.Done>();
        foreach (var row in rows.Where(r => string.Equals(r.GetString(RequestSummaryProjector.CrmId), crmId, StringComparison.Ordinal)))
        {
            var snapshot = await runtime.LoadAsync(row.StreamId, ct);
            if (snapshot is null || snapshot.State.Outcome is not null) continue;
            // Reps may only close their own; the CRM and the program manager close any.
            if (user.IsSalesRep && !user.IsProgramManager && !user.Is(snapshot.State.RequesterEmail)) continue;
            try
            {
                var result = await runtime.ExecuteAsync(row.StreamId, new RecordOutcome(outcome, clock.GetUtcNow()),
                    $"outcome:{crmId}:{outcome}", mustExist: true, ct);
                if (StateOf(result) is { } state) done.Add(new RequestResult.Done(row.StreamId, state.Status));
            }
            catch (Domain.Workflow.DomainException)
            {
                // A request that cannot take an outcome (deferred, cancelled) is simply not one of this opportunity's open ones.
            }
        }
        return done;
    }

    private async Task<RequestResult> ActAsync(string id, CurrentUser user, Func<DateTimeOffset, RequestCommand> command, string messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = await runtime.LoadAsync(id, ct);
        if (snapshot is null || !snapshot.State.IsSubmitted || !RequestAccess.CanView(user, snapshot.State)) return new RequestResult.Missing();
        if (!RequestAccess.CanAct(user, snapshot.State)) return new RequestResult.Forbidden();
        var outcome = await runtime.ExecuteAsync(id, command(clock.GetUtcNow()), messageId, mustExist: true, ct);
        return StateOf(outcome) is { } state ? new RequestResult.Done(id, state.Status) : new RequestResult.Missing();
    }

    /// <summary>Contacts reserved by open requests (from the summaries): matching skips them.</summary>
    public async Task<IReadOnlySet<ContactKey>> BusyContactsAsync(CancellationToken ct)
    {
        var rows = await summaries.QueryAsync(new SummaryQuery(Max: 5000), ct);
        return rows
            .SelectMany(r => (r.GetString(RequestSummaryProjector.Reserved) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(k => k.Split('/', 2))
            .Where(p => p.Length == 2)
            .Select(p => new ContactKey(p[0], p[1]))
            .ToHashSet();
    }

    private static RequestState? StateOf(CommandOutcome<RequestState> outcome) => outcome switch
    {
        Applied<RequestState> a => a.State,
        Duplicate<RequestState> d => d.State,
        _ => null,
    };

    // Version 7: ids sort by submission time, which keeps table scans and logs readable.
    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}

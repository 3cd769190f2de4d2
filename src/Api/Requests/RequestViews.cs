using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Requests;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Api.Auth;
using ReferenceFlow.Api.Requests.Views;

namespace ReferenceFlow.Api.Requests;

/// <summary>
/// Builds what a viewer may see of a request: contact details, in fields and in text, only where <see cref="RequestAccess"/>
/// allows. Times written into text are in <c>readerZone</c>, the viewer's zone (a page) or the program's (the API).
/// </summary>
public static class RequestViews
{
    /// <summary>The staff a request's view names (requester, whom it waits on, people in its history): to look up before <see cref="Build"/>.</summary>
    public static IEnumerable<string> Staff(RequestState state, IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        return history.SelectMany(h => StaffNames.In(RequestEventText.Describe(h.Event)))
            .Append(state.RequesterEmail)
            .Concat(state.WaitingOn is { } waitingOn && !IsContact(state, waitingOn) ? new[] { waitingOn } : Array.Empty<string>());
    }

    public static RequestView Build(
        string id, RequestState state, IReadOnlyList<HistoryEntry> history, CurrentUser user, TimeZoneInfo readerZone, WorkflowPolicy policy,
        IReadOnlyDictionary<string, StaffMember> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(user);
        var standings = CandidateStandings.Of(history.Select(h => h.Event));
        var candidates = state.Candidates.Select((c, i) => new CandidateView(
            c.ReferenceId, c.ContactId, c.Account.Name, c.Account.Industry, c.Account.Country, Math.Round(c.Score, 2), c.Reasons,
            c.Contact.Title, c.Caution,
            RequestAccess.CanSeeContact(user, state, i) ? new ContactDetails(c.Contact.Name, c.Contact.Email, c.Contact.Phone, c.Contact.TimeZone) : null,
            standings.TryGetValue(i, out var standing) ? standing : null))
            .ToList();
        var current = state.Current is { } cur ? new CurrentCandidate(cur.ReferenceId, cur.ContactId) : null;
        var act = RequestAccess.CanAct(user, state);
        var deciding = RequestAccess.AskToDecide(user, state);
        var redaction = ContactRedaction.For(user, state);
        var slot = state.Slot is { } s
            ? new SlotView(s.Start, s.End, s.InsideWindow, Local(s, state.Current?.Contact.TimeZone), Local(s, state.Intake?.Prospect.TimeZone),
                SlotRemarks.Of(state, s, policy).Select(r => new SlotRemark(redaction.Text(r.Badge), redaction.Text(r.Explanation))).ToList())
            : null;
        return new RequestView(
            id, state.Status, state.Rushed, state.Reason, state.Alternatives, candidates, current, slot,
            [.. state.PendingTimers.Select(t => new TimerView(t.Kind, t.DueAt))
                .Concat(state.ParallelAsks.SelectMany(a => a.Timers.Select(t => new TimerView(t.Kind, t.DueAt, a.CandidateIndex + 1))))
                .OrderBy(t => t.DueAt)],
            // Named first, redacted after: a contact's address that stood in a marker is then taken out like any other.
            history.Select(h => new HistoryItem(h.Version, h.Type, h.At, redaction.Text(StaffNames.Fill(RequestEventText.Describe(h.Event, readerZone), people)))).ToList(),
            state.Intake, state.RequesterEmail, state.SubmittedAt, redaction.Person(state.WaitingOn), state.Outcome, state.Debrief,
            new RequestPermissions(
                Cancel: act && state.CanBeCancelled,
                Debrief: act && state.Status is RequestStatus.AwaitingDebrief or RequestStatus.Introduced,
                RecordOutcome: act && state.Outcome is null,
                DecideAsOwner: deciding is not null,
                AskNextCandidate: RequestAccess.CanSteer(user) && RequestAccess.IsOwnerStepOpen(state),
                ExtendNeededBy: RequestAccess.CanSteer(user) && RequestAccess.CanExtendNeededBy(state),
                AskAgain: act && state.Status == RequestStatus.Deferred,
                AskInParallel: RequestAccess.CanSteer(user) && RequestAccess.CanAskInParallel(state, policy)),
            Step: deciding?.Step ?? (RequestAccess.IsOwnerStepOpen(state) ? state.Step : null))
        {
            RequesterName = StaffNames.Shown(state.RequesterEmail, people),
            WaitingOnName = redaction.Person(state.WaitingOn) is { } waitingOn
                ? IsContact(state, waitingOn) ? state.Current!.Contact.Name : StaffNames.Shown(waitingOn, people)
                : null,
            AsksInParallel = state.AsksInParallel || state.ParallelAsks.Count > 0,
            DecidingFor = deciding?.Current is { } asked ? new CurrentCandidate(asked.ReferenceId, asked.ContactId) : null,
        };
    }

    private static bool IsContact(RequestState state, string email) =>
        state.Status == RequestStatus.AwaitingReferenceConsent && state.Current is { } current && StaffPrecedence.Same(current.Contact.Email, email);

    public static RequestListItem ListItem(RequestSummary row, IReadOnlyDictionary<string, StaffMember> people)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(people);
        return new RequestListItem(
            row.RequestId, row.State, row.Company, row.Opportunity, row.CrmId, row.Activity, row.NeededBy,
            row.Requester.ToLowerInvariant(), row.WaitingOn?.ToLowerInvariant(), row.CurrentAccount, row.Rushed, row.Open, row.NeedsAttention,
            row.SubmittedAt == DateTimeOffset.MinValue ? null : row.SubmittedAt, row.Version, StaffNames.Shown(row.Requester.ToLowerInvariant(), people));
    }

    /// <summary>"Tue 24 Nov 2026, 14:00–14:30 Paris time": a slot as its attendee reads it; null when their zone is unknown.</summary>
    public static string? Local(ProposedSlot slot, string? timeZone) =>
        BusinessClock.Known(timeZone) is { } zone ? TimeWords.Span(slot.Start, slot.End, zone) : null;
}

using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Readiness;
using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Domain.Requests;

/// <summary>
/// The whole life of one reference request as a pure decider: intake and readiness, owner approval,
/// reference consent, scheduling, introduction, debrief, thanks and closing the loop.
/// </summary>
public sealed partial class RequestDecider(WorkflowPolicy policy)
{
    /// <summary>The state before the first event.</summary>
    public RequestState Initial => RequestState.Initial;

    public WorkflowPolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>The events a command produces in a state; none when it changes nothing. An illegal transition
    /// throws <see cref="DomainException"/>. Never does I/O or reads a clock: "now" arrives on the command.</summary>
    public IReadOnlyList<RequestEvent> Decide(RequestCommand command, RequestState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (command is not SubmitRequest && !state.IsSubmitted)
        {
            return command is TimerElapsed ? [] : throw new DomainException("This request has not been submitted.");
        }

        var run = new Run(this, state);
        switch (command)
        {
            case SubmitRequest c: Submit(run, c); break;
            case DecideAsOwner c: OwnerAnswer(run, c); break;
            case DecideAsReference c: ReferenceAnswer(run, c); break;
            case ProposeSlot c: Propose(run, c); break;
            case ChooseCandidate c: Choose(run, c); break;
            case SubmitDebrief c: Debrief(run, c); break;
            case RecordOutcome c: Outcome(run, c); break;
            case CancelRequest c: Cancel(run, c); break;
            case TimerElapsed c: Elapse(run, c); break;
            case WithdrawCandidate c: Withdraw(run, c); break;
            case AskNextCandidate c: AskNext(run, c); break;
            case ExtendNeededBy c: Extend(run, c); break;
            case AskInParallel c: TurnOnParallel(run, c); break;
            case RecordEffectFailure c: run.Emit(new EffectFailureRecorded(c.Failure, c.At)); break;
            default: throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
        }

        return run.Events;
    }

    /// <summary>The command a due timer becomes; the decider ignores timers it no longer expects.</summary>
    public RequestCommand TimerElapsed(TimerDue timer, DateTimeOffset now) => new TimerElapsed(timer, now);

    /// <summary>The command that records an effect which failed for good (the mail server refused it).</summary>
    public RequestCommand EffectFailed(EffectFailure failure, DateTimeOffset now) => new RecordEffectFailure(failure, now);

    private void Submit(Run run, SubmitRequest c)
    {
        if (run.State.IsSubmitted)
        {
            throw new DomainException($"Request {run.State.RequestId} was already submitted.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(c.RequestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(c.RequesterEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(c.ProgramManagerEmail);
        ArgumentNullException.ThrowIfNull(c.Intake);
        ArgumentNullException.ThrowIfNull(c.Candidates);

        run.Emit(new RequestSubmitted(c.RequestId, c.Intake, c.RequesterEmail, c.ProgramManagerEmail, c.Candidates, c.At, Policy));
        var verdict = ReadinessGate.Assess(c.Intake, c.At, Policy);
        if (verdict.Outcome == ReadinessOutcome.Deferred)
        {
            run.Emit(new RequestDeferred(verdict.Summary, verdict.Alternatives, c.At));
            return;
        }

        if (verdict.Outcome == ReadinessOutcome.Rushed)
        {
            run.Emit(new RequestRushed(verdict.Summary, c.At));
        }

        var atOnce = AsksAtOnce(run.State, c.At);
        if (c.CheckFirst)
        {
            CheckCandidates(run, 0, c.At, atOnce);
            return;
        }

        if (c.Candidates.Count == 0)
        {
            run.Emit(new RequestUnfulfilled("No reference in the directory fits this request right now.", c.At));
            return;
        }

        AskOwners(run, [.. c.Candidates.Take(atOnce).Select((k, i) => new ParallelChoice(i, k.Standing))], c.At);
    }

    private void Cancel(Run run, CancelRequest c)
    {
        var s = run.State;
        if (!s.CanBeCancelled)
        {
            throw new DomainException(s.Status == RequestStatus.Completed
                ? "The call took place and was debriefed; only the deal's outcome is to come, so there is nothing to cancel."
                : $"The request is {s.Status.WordsInSentence()}; there is nothing to cancel.");
        }

        ReleaseParallelAsks(run, AskRelease.RequestEnded, c.At);
        run.Emit(new RequestCancelled(c.ByEmail, c.Reason, c.At, s.CheckingFrom is null ? s.Status : null));
    }

    /// <summary>Folds events one by one so each later event sees the state the earlier ones left.</summary>
    private sealed class Run(RequestDecider decider, RequestState state)
    {
        public RequestState State { get; private set; } = state;

        public List<RequestEvent> Events { get; } = [];

        public int NextSequence => State.Sequence + 1;

        public void Emit(RequestEvent e)
        {
            Events.Add(e);
            State = decider.Evolve(State, e);
        }
    }
}

using ReferenceFlow.Domain.Workflow;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// The input of one execution of a request's orchestration: no business state, only time and the mailbox. The commands
/// to hand over before waiting (those that arrived meanwhile, a submission whose effects are still to be carried out),
/// the timer the history said is due first (the handler's answer to every command corrects it), and how activities are
/// retried. Whatever an execution holds that the history moved past is handed over and answered "already applied".
/// <paramref name="StartedAt"/> is set on a first execution only: when it was started, so that one that runs late catches
/// up with the history first (see <see cref="RequestOrchestrator"/>); <see cref="DateTimeOffset.MinValue"/> always does.
/// </summary>
public sealed record RequestTurn(IReadOnlyList<CommandMessage> Pending, TimerDue? Next, EffectRetry Retry, DateTimeOffset? StartedAt = null);

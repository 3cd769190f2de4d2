using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Workflow.Requests;

/// <summary>
/// A command on its way to a request, with the id that makes it once-only: deciding a command whose id the history holds
/// changes nothing ("already applied"). People's commands get a fresh id where they are made; the request's own (a timer,
/// a follow-up's answer, a failure to record) an id derived from what they answer, so a replay names the same command.
/// </summary>
public sealed record CommandMessage(string CommandId, RequestCommand Command)
{
    /// <summary>The submission's id: a request is submitted once.</summary>
    public const string SubmitId = "submit";

    public static CommandMessage Submit(SubmitRequest command) => new(SubmitId, command);

    public static CommandMessage FromPerson(RequestCommand command) => new("person:" + Guid.NewGuid().ToString("N"), command);

    public static CommandMessage Timer(TimerElapsed command) => new("timer:" + command.Timer.TimerId, command);
}

/// <summary>The input of the activity that hands a command to its request's handler.</summary>
public sealed record CommandForRequest(string RequestId, CommandMessage Message);

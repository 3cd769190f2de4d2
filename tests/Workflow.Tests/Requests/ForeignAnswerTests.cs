using System.Text.Json;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// After a crash the engine can complete a task with the answer of another one it lost (a timer's, where the handler's
/// answer was expected): the request does not fail for good over it, it hands the same command over again.
/// </summary>
public sealed class ForeignAnswerTests
{
    [Fact]
    public async Task ACommandAnsweredWithAnotherTasksAnswerIsHandedOverAgainRatherThanFailingTheRequest()
    {
        var submit = CommandMessage.Submit(WorkflowHost.Submission([]));
        var context = new ScriptedOrchestrationContext(submit.Command is Domain.Requests.SubmitRequest s ? s.RequestId : "", DateTime.UtcNow)
        {
            Answer = (name, _) => name.Name == WorkflowNames.HandleCommand
                ? throw new JsonException("The JSON value could not be converted to Handled.")
                : null,
        };

        await new RequestOrchestrator().RunAsync(context, new RequestTurn([submit], null, new WorkflowOptions().ToRetry()));

        Assert.Equal([WorkflowNames.HandleCommand], context.Activities);
        var next = Assert.IsType<RequestTurn>(context.ContinuedWith);
        Assert.Equal(submit, Assert.Single(next.Pending));
    }
}

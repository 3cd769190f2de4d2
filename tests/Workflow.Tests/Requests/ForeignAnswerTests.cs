using System.Text.Json;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Workflow.Requests;
using ReferenceFlow.Workflow.Tests.Support;

namespace ReferenceFlow.Workflow.Tests.Requests;

/// <summary>
/// After a crash the engine can complete a task with the answer of another one it lost (a timer's, where the decision's
/// application was expected): the request does not fail for good over it, it applies the same decision again.
/// </summary>
public sealed class ForeignAnswerTests
{
    [Fact]
    public async Task ADecisionAnsweredWithAnotherTasksAnswerIsAppliedAgainRatherThanFailingTheRequest()
    {
        var submit = WorkflowHost.Submission([]);
        var context = new ScriptedOrchestrationContext(submit.RequestId, DateTime.UtcNow)
        {
            Answer = (name, _) => name.Name == WorkflowNames.ApplyDecision
                ? throw new JsonException("The JSON value could not be converted to IReadOnlyList<EffectFailure>.")
                : null,
        };

        await new RequestOrchestrator().RunAsync(context, RequestRun.Submit(submit, new WorkflowPolicy(), new WorkflowOptions().ToRetry()));

        Assert.Equal([WorkflowNames.ApplyDecision], context.Activities);
        var next = Assert.IsType<RequestRun>(context.ContinuedWith);
        Assert.Equal(0, next.Version);
        Assert.Equal(RequestState.Initial, next.State);
        Assert.IsType<SubmitRequest>(Assert.Single(next.Pending));
    }
}

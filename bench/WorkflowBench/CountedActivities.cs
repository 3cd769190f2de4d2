using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Workflow;
using ReferenceFlow.Workflow.Activities;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.WorkflowBench;

/// <summary>
/// The request workflow's activities, each run as it is but inside <see cref="HttpCounter.As"/>, so the storage calls the
/// request handler makes in the engine's activities are counted as theirs (DTFx traces no span around an activity here:
/// its tasks carry no parent trace context). Registered under the same names in place of the app's own.
/// </summary>
internal static class CountedActivities
{
    public static IEnumerable<Type> Replacing(IEnumerable<Type> activities) =>
        activities.Select(type => Counted.GetValueOrDefault(type, type));

    private static readonly Dictionary<Type, Type> Counted = new()
    {
        [typeof(HandleCommandActivity)] = typeof(CountedHandleCommand),
        [typeof(CatchUpActivity)] = typeof(CountedCatchUp),
        [typeof(FindSlotActivity)] = typeof(CountedFindSlot),
        [typeof(CheckCandidatesActivity)] = typeof(CountedCheckCandidates),
    };

    [DurableTask(WorkflowNames.HandleCommand)]
    private sealed class CountedHandleCommand(IServiceProvider services) : CountedActivity<HandleCommandActivity>(services, WorkflowNames.HandleCommand);

    // A first execution that runs late (a busy machine) catches up with the history before anything else.
    [DurableTask(WorkflowNames.CatchUp)]
    private sealed class CountedCatchUp(IServiceProvider services) : CountedActivity<CatchUpActivity>(services, WorkflowNames.CatchUp);

    [DurableTask(WorkflowNames.FindSlot)]
    private sealed class CountedFindSlot(IServiceProvider services) : CountedActivity<FindSlotActivity>(services, WorkflowNames.FindSlot);

    [DurableTask(WorkflowNames.CheckCandidates)]
    private sealed class CountedCheckCandidates(IServiceProvider services) : CountedActivity<CheckCandidatesActivity>(services, WorkflowNames.CheckCandidates);

    private abstract class CountedActivity<T>(IServiceProvider services, string name) : ITaskActivity where T : ITaskActivity
    {
        private readonly T _inner = ActivatorUtilities.CreateInstance<T>(services);

        public Type InputType => _inner.InputType;

        public Type OutputType => _inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            using var counted = HttpCounter.As($"{HttpCounter.ActivityPrefix}{name}");
            return await _inner.RunAsync(context, input);
        }
    }
}

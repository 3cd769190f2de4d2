using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Workflow.Activities;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The request workflow's services: the decider with the configured policy, the request service,
    /// and what the activities need besides storage, email and calendar (registered by their own extensions).
    /// A host adds a Durable Task client (and a worker running <see cref="Orchestrators"/> and <see cref="Activities"/>).
    /// </summary>
    public static IServiceCollection AddRequestWorkflow(this IServiceCollection services)
    {
        // Resolved lazily: configuration added by hosts and tests after this call still counts.
        services.AddOptions<WorkflowOptions>().Configure<IConfiguration>((o, c) => c.GetSection(WorkflowOptions.Section).Bind(o));
        services.TryAddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(WorkflowPolicy.Section).Get<WorkflowPolicy>() ?? new WorkflowPolicy());
        services.TryAddSingleton<RequestWorkflow>();
        services.TryAddSingleton<IBookedCalls, BookedCallsFromSummaries>();
        return services;
    }

    /// <summary>The orchestrators of the request workflow, for a host's Durable Task worker.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(RequestOrchestrator)];

    /// <summary>The activities of the request workflow; their services come from the host's container.</summary>
    public static IReadOnlyList<Type> Activities { get; } = [typeof(ApplyDecisionActivity), typeof(FindSlotActivity)];

    /// <summary>The engine's payloads (decider state, commands, events) in the same JSON as the request history.</summary>
    public static DataConverter DataConverter(JsonCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return new Microsoft.DurableTask.Converters.JsonDataConverter(codec.Options);
    }
}

using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Workflow.Activities;
using ReferenceFlow.Workflow.Health;
using ReferenceFlow.Workflow.Imports;
using ReferenceFlow.Workflow.Nominations;
using ReferenceFlow.Workflow.ReadModels;
using ReferenceFlow.Workflow.Requests;

namespace ReferenceFlow.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The request workflow's services: storage, email and calendar from their sections, the configured
    /// policy, the request service and what the activities need. A host adds a Durable Task client (and a
    /// worker running <see cref="Orchestrators"/> and <see cref="Activities"/>, with <see cref="DataConverter(IServiceProvider)"/>).
    /// </summary>
    public static IServiceCollection AddRequestWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReferenceFlowStorage(configuration);
        services.AddReferenceDirectory();
        services.AddReferenceFlowEmail(configuration);
        services.AddReferenceFlowCalendar(configuration);
        // Resolved lazily: configuration added by hosts and tests after this call still counts.
        services.AddOptions<WorkflowOptions>().Configure<IConfiguration>((o, c) => c.GetSection(WorkflowOptions.Section).Bind(o));
        services.TryAddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(WorkflowPolicy.Section).Get<WorkflowPolicy>() ?? new WorkflowPolicy());
        services.TryAddSingleton<RequestWorkflow>();
        services.TryAddSingleton<RequestCommandHandler>();
        services.TryAddSingleton<DecisionApplier>();
        services.TryAddSingleton<ContactHolder>();
        services.TryAddSingleton<ProgramFactsWriter>();
        services.TryAddSingleton<IBookedCalls, BookedCallsFromHolds>();
        services.TryAddSingleton<DirectoryWithUsage>();
        services.TryAddSingleton<InsightBackfill>();
        // Hosts that bind triggers to methods (Functions) take the activities from the container.
        services.TryAddTransient<HandleCommandActivity>();
        services.TryAddTransient<CatchUpActivity>();
        services.TryAddTransient<FindSlotActivity>();
        services.TryAddTransient<CheckCandidatesActivity>();
        services.TryAddTransient<ApplyImportBatchActivity>();
        services.TryAddSingleton<ReferenceImports>();
        services.TryAddSingleton<EmailOnce>();
        services.TryAddTransient<SendNominationEmailActivity>();
        services.TryAddTransient<SettleNominationActivity>();
        services.TryAddSingleton<NominationInvitations>();
        services.TryAddSingleton<KeepWarmRun>();
        services.TryAddSingleton<People.PeopleDirectory>();
        services.TryAddSingleton<Domain.People.IPeopleDirectory>(sp => sp.GetRequiredService<People.PeopleDirectory>());
        services.AddOptions<Erasure.ErasureOptions>().Configure<IConfiguration>((o, c) =>
        {
            c.GetSection(Erasure.ErasureOptions.Section).Bind(o);
            // The one task hub both hosts run on, unless the erasure section names another.
            if (c[Erasure.ErasureOptions.Section + ":TaskHub"] is null && c["ReferenceFlow:Engine:TaskHub"] is { Length: > 0 } hub) o.TaskHub = hub;
        });
        services.AddOptions<Erasure.RetentionOptions>().Configure<IConfiguration>((o, c) => c.GetSection(Erasure.RetentionOptions.Section).Bind(o));
        services.TryAddSingleton<Erasure.RequestInstances>();
        services.TryAddSingleton<Erasure.ErasureStores>();
        services.TryAddSingleton<Erasure.ContactEraser>();
        services.TryAddSingleton<Erasure.RequestRetention>();
        return services;
    }

    /// <summary>The orchestrators of the request workflow, the directory import and the nomination invitation, for a host's Durable Task worker.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(RequestOrchestrator), typeof(ImportOrchestrator), typeof(InvitationOrchestrator)];

    /// <summary>The activities of the request workflow; their services come from the host's container.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(HandleCommandActivity), typeof(CatchUpActivity), typeof(FindSlotActivity), typeof(CheckCandidatesActivity), typeof(ApplyImportBatchActivity),
        typeof(SendNominationEmailActivity), typeof(SettleNominationActivity),
    ];

    /// <summary>The engine's payloads (decider state, commands, events) in the same JSON as the request history.</summary>
    public static DataConverter DataConverter(IServiceProvider services) =>
        new Microsoft.DurableTask.Converters.JsonDataConverter(services.GetRequiredService<JsonCodec>().Options);
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Storage.Effects;
using ReferenceFlow.Storage.ReadModels;
using ReferenceFlow.Storage.Runtime;
using ReferenceFlow.Web.Actions;
using ReferenceFlow.Web.Api;
using ReferenceFlow.Web.Api.References;
using ReferenceFlow.Web.Seed;
using ReferenceFlow.Web.Workflow.Effects;
using ReferenceFlow.Web.Workflow.Intake;

namespace ReferenceFlow.Web.Workflow;

/// <summary>The app's composition: storage, directory, the request workflow and its effect handlers, email, demo data.</summary>
public static class ReferenceFlowServices
{
    public static WebApplicationBuilder AddReferenceFlowServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        // Resolved lazily: configuration added by hosts and tests after this call still counts.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(WorkflowPolicy.Section).Get<WorkflowPolicy>() ?? new WorkflowPolicy());
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ProgramOptions>(configuration.GetSection(ProgramOptions.Section));

        services.AddReferenceFlowStorage(configuration);
        services.AddReferenceDirectory();
        services.AddDurableRuntime<RequestState, RequestCommand, RequestEvent, RequestDecider>();
        services.AddSingleton<ISummaryProjector<RequestState>, RequestSummaryProjector>();

        services.AddReferenceFlowEmail(configuration);
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory = LocalPaths.Resolve(builder.Environment.ContentRootPath, o.PickupDirectory));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEffectHandler, SendEmailHandler>());

        services.AddReferenceFlowCalendar(configuration);
        services.TryAddSingleton<IBookedCalls, BookedCallsFromSummaries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEffectHandler, FindSlotHandler>());

        services.AddSingleton<IntakeValidator>();
        services.AddScoped<RequestService>();
        services.AddScoped<ActionService>();
        services.AddScoped<ReferenceImporter>();
        services.AddDemoData();
        services.AddSingleton<KeepWarmJob>();
        services.AddHostedService(sp => sp.GetRequiredService<KeepWarmJob>());
        return builder;
    }
}

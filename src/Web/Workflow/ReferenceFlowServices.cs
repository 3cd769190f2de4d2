using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Calendar;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Email;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Engine;
using ReferenceFlow.Storage.Serialization;
using ReferenceFlow.Web.Actions;
using ReferenceFlow.Web.Api;
using ReferenceFlow.Web.Api.References;
using ReferenceFlow.Web.Seed;
using ReferenceFlow.Web.Workflow.Intake;
using ReferenceFlow.Workflow;

namespace ReferenceFlow.Web.Workflow;

/// <summary>The app's composition: storage, directory, the request workflow on the embedded engine, email, calendar, demo data.</summary>
public static class ReferenceFlowServices
{
    public static WebApplicationBuilder AddReferenceFlowServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ProgramOptions>(configuration.GetSection(ProgramOptions.Section));

        services.AddRequestWorkflow(configuration);
        services.AddEmbeddedEngine(configuration, tasks => tasks.Add(WorkflowServiceCollectionExtensions.Orchestrators, WorkflowServiceCollectionExtensions.Activities),
            WorkflowServiceCollectionExtensions.DataConverter);
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory = LocalPaths.Resolve(builder.Environment.ContentRootPath, o.PickupDirectory));

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

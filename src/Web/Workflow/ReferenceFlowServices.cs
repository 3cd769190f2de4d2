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
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api;
using ReferenceFlow.Api.References;
using ReferenceFlow.Web.Seed;
using ReferenceFlow.Api.Requests.Intake;
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
        services.AddReferenceFlowApi(configuration);
        services.AddEmbeddedEngine(configuration, tasks => tasks.Add(WorkflowServiceCollectionExtensions.Orchestrators, WorkflowServiceCollectionExtensions.Activities),
            WorkflowServiceCollectionExtensions.DataConverter);
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory = LocalPaths.Resolve(builder.Environment.ContentRootPath, o.PickupDirectory));

        services.AddDemoData();
        services.AddHostedService<KeepWarmJob>();
        services.AddHostedService<FailedRequestsJob>();
        services.AddHostedService<RetentionJob>();
        services.AddHostedService<ManagerDigestJob>();
        return builder;
    }
}

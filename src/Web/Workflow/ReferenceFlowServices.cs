using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Storage.Configuration;
using ReferenceFlow.Storage.Directory;
using ReferenceFlow.Web.Api;
using ReferenceFlow.Web.Api.References;

namespace ReferenceFlow.Web.Workflow;

/// <summary>The app's composition: storage, directory, workflow services and their configuration.</summary>
public static class ReferenceFlowServices
{
    public static WebApplicationBuilder AddReferenceFlowServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddSingleton(configuration.GetSection(WorkflowPolicy.Section).Get<WorkflowPolicy>() ?? new WorkflowPolicy());
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddReferenceDirectory();
        services.AddScoped<ReferenceImporter>();
        return builder;
    }
}

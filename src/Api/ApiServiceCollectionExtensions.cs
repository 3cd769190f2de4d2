using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.Insights;
using ReferenceFlow.Api.ProgramHealth;
using ReferenceFlow.Api.References;
using ReferenceFlow.Api.Requests;
using ReferenceFlow.Api.Requests.Intake;
using ReferenceFlow.Api.Telemetry;
using ReferenceFlow.Workflow;

namespace ReferenceFlow.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The request workflow and the application services the API, the action links and the pages call — the same
    /// registration in every host. The host adds the engine (embedded, or Durable Functions) and authentication.
    /// </summary>
    public static IServiceCollection AddReferenceFlowApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRequestWorkflow(configuration);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.Configure<ProgramOptions>(configuration.GetSection(ProgramOptions.Section));
        services.AddSingleton<IntakeValidator>();
        services.AddScoped<RequestService>();
        services.AddScoped<RequestStepService>();
        services.Configure<AlternativesOptions>(configuration.GetSection(AlternativesOptions.Section));
        services.AddScoped<ActionService>();
        services.AddScoped<Preferences.PreferencesService>();
        services.AddScoped<ReferenceImporter>();
        services.AddScoped<StandingApprovals>();
        services.AddScoped<ProgramService>();
        services.AddScoped<InsightService>();
        services.AddScoped<Nominations.NominationService>();
        services.AddScoped<Nominations.InvitationService>();
        services.AddScoped<Erasure.ErasureService>();
        services.AddOptions<Digest.DigestOptions>().Bind(configuration.GetSection(Digest.DigestOptions.Section))
            .Validate(o => o.SendHour is >= 0 and <= 23, $"{Digest.DigestOptions.Section}:SendHour must be an hour of the day, 0 to 23.").ValidateOnStart();
        services.AddScoped<Digest.ManagerQueue>();
        services.TryAddSingleton<Storage.Digests.DigestDays>();
        services.TryAddSingleton<Digest.ManagerDigestRun>();
        services.Configure<Limits.RateLimitOptions>(configuration.GetSection(Limits.RateLimitOptions.Section));
        services.AddSingleton<Limits.RequestRateLimiter>();
        services.AddUrlSecretRedaction();
        return services;
    }
}

using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using ReferenceFlow.Calendar.Graph;
using ReferenceFlow.Calendar.Ics;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Calendar.Slots;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISlotService"/> and the <see cref="ICalendarProvider"/> chosen by
    /// <c>ReferenceFlow:Calendar:Provider</c>: WorkingHours (default; the host must register
    /// <see cref="IBookedCalls"/>), Graph (<c>ReferenceFlow:Graph:TenantId/ClientId/ClientSecret</c>) or Ics; and, when
    /// Graph is configured, <see cref="GraphPeople"/> as a source of staff names.
    /// </summary>
    public static IServiceCollection AddReferenceFlowCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        var provider = configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>()?.Provider ?? CalendarProviderKind.WorkingHours;
        switch (provider)
        {
            case CalendarProviderKind.Graph:
                AddGraphClient(services);
                services.TryAddSingleton<ICalendarProvider, GraphCalendarProvider>();
                break;
            case CalendarProviderKind.Ics:
                services.AddHttpClient<ICalendarProvider, IcsFeedCalendarProvider>(http => http.Timeout = TimeSpan.FromSeconds(20));
                break;
            default:
                services.TryAddSingleton<ICalendarProvider, WorkingHoursCalendarProvider>();
                break;
        }
        services.TryAddSingleton<ISlotService, SlotService>();
        // Staff names come from Entra ID whenever an app registration is configured, whichever calendar is in use.
        if (configuration.GetSection(GraphOptions.Section).Get<GraphOptions>()?.IsConfigured == true)
        {
            AddGraphClient(services);
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<GraphPeople>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IPeopleSource, GraphPeople>(sp => sp.GetRequiredService<GraphPeople>()));
        }
        return services;
    }

    private static void AddGraphClient(IServiceCollection services)
    {
        services.TryAddSingleton<TokenCredential>(sp => Credential(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.TryAddSingleton(sp => new GraphServiceClient(
            new TokenCredentialAuthenticationProvider(sp.GetRequiredService<TokenCredential>(), $"https://{sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.Host}/.default"),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.AbsoluteUri.TrimEnd('/')));
    }

    private static ClientSecretCredential Credential(GraphOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new InvalidOperationException(
                $"{GraphOptions.Section}:TenantId, ClientId and ClientSecret are required when {CalendarOptions.Section}:Provider is Graph.");
        }
        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }
}

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

namespace ReferenceFlow.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISlotService"/> and the <see cref="ICalendarProvider"/> chosen by
    /// <c>ReferenceFlow:Calendar:Provider</c>: WorkingHours (default; the host must register
    /// <see cref="IBookedCalls"/>), Graph (<c>ReferenceFlow:Graph:TenantId/ClientId/ClientSecret</c>) or Ics.
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
                services.TryAddSingleton<TokenCredential>(sp => Credential(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
                services.TryAddSingleton(sp => new GraphServiceClient(
                    new TokenCredentialAuthenticationProvider(sp.GetRequiredService<TokenCredential>(), $"https://{sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.Host}/.default"),
                    sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.AbsoluteUri.TrimEnd('/')));
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
        return services;
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

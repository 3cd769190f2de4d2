using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Calendar.Graph;
using ReferenceFlow.Calendar.Ics;
using ReferenceFlow.Calendar.Providers;
using ReferenceFlow.Calendar.Slots;

namespace ReferenceFlow.Calendar.Tests;

public sealed class CalendarRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IBookedCalls, NoCalls>();
        return services.AddReferenceFlowCalendar(configuration).BuildServiceProvider();
    }

    [Fact]
    public void WorkingHoursIsTheDefaultProvider()
    {
        using var provider = Build([]);

        Assert.IsType<WorkingHoursCalendarProvider>(provider.GetRequiredService<ICalendarProvider>());
        Assert.IsType<SlotService>(provider.GetRequiredService<ISlotService>());
    }

    [Fact]
    public void IcsFeedsAreReadFromConfiguration()
    {
        using var provider = Build(new()
        {
            ["ReferenceFlow:Calendar:Provider"] = "Ics",
            ["ReferenceFlow:Calendar:IcsFeeds:0:Email"] = "marie@contoso.example",
            ["ReferenceFlow:Calendar:IcsFeeds:0:Url"] = "https://calendar.example/marie.ics",
        });

        Assert.IsType<IcsFeedCalendarProvider>(provider.GetRequiredService<ICalendarProvider>());
        var feeds = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value.IcsFeeds;
        Assert.Equal("https://calendar.example/marie.ics", Assert.Single(feeds).Url!.AbsoluteUri);
    }

    [Fact]
    public void GraphWithoutCredentialsIsAClearError()
    {
        using var provider = Build(new() { ["ReferenceFlow:Calendar:Provider"] = "Graph" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ICalendarProvider>());
        Assert.Contains("ReferenceFlow:Graph:TenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphWithCredentialsResolves()
    {
        using var provider = Build(new()
        {
            ["ReferenceFlow:Calendar:Provider"] = "Graph",
            ["ReferenceFlow:Graph:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["ReferenceFlow:Graph:ClientId"] = "00000000-0000-0000-0000-000000000002",
            ["ReferenceFlow:Graph:ClientSecret"] = "not-a-real-secret",
        });

        Assert.IsType<GraphCalendarProvider>(provider.GetRequiredService<ICalendarProvider>());
    }

    private sealed class NoCalls : IBookedCalls
    {
        public Task<IReadOnlyList<BusyInterval>> GetBookedAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BusyInterval>>([]);
    }
}

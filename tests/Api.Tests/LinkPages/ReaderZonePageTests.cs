using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api.LinkPages;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api.Tests.LinkPages;

/// <summary>A reference's own page writes its days and times in the reference's zone, named, never in UTC.</summary>
public sealed class ReaderZonePageTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    // 05:30 UTC on Thursday is still Wednesday evening in Los Angeles.
    private static readonly DateTimeOffset At = new(2026, 11, 19, 5, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThePreferencesPageShowsChangesAndCallsInTheReferencesZone()
    {
        var contact = new ReferenceContact("c1", "Dana Reyes", "dana@customer.example", "CIO", Seniority.CLevel, Persona.Executive,
            "America/Los_Angeles", ["en"], [Activity.Call], ["migration"], MaxCallsPerQuarter: 1);
        var account = new ReferenceAccount("ref1", "Contoso", "Retail", 1200, 90_000_000, "US", [], [], [], "owner@vendor.example",
            AccountStatus.Active, [contact]);
        var history = new ContactHistory([new HeldActivity(nameof(Activity.Call), At)], [], TimeWords.Zone(contact.TimeZone, "UTC"));

        var html = await LinkPageHtml.RenderAsync<PreferencesPage>(Services, new PreferencesPageModel.Settings(
            "tok", account, contact, 1, new DateOnly(2026, 11, 20), history, [new PreferenceChangeEntry(At, "Topics: migration")]));

        Assert.Contains("Wed 18 Nov 2026, 21:30 Los Angeles time", html, StringComparison.Ordinal);
        Assert.Contains("<td>Wed 18 Nov 2026</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", html, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.LinkPages;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Domain.People;

namespace ReferenceFlow.Api.Tests.LinkPages;

/// <summary>
/// Every answer of every page reached from an emailed link, rendered with markup in all the text it shows (names,
/// companies, reasons, tokens, what a form posted back, error messages): the markup arrives as text, never as markup.
/// </summary>
public sealed class LinkPageEncodingTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging()
        .AddSingleton<IPeopleDirectory>(new KnownPeople()).BuildServiceProvider();

    public static TheoryData<string> ActionAnswers => [.. HostilePages.Actions.Keys];

    public static TheoryData<string> PreferencesAnswers => [.. HostilePages.Preferences.Keys];

    public static TheoryData<string> InvitationAnswers => [.. HostilePages.Invitations.Keys];

    [Theory]
    [MemberData(nameof(ActionAnswers))]
    public async Task AnActionPageEncodesEveryText(string answer) =>
        AssertEncoded(await LinkPageHtml.RenderAsync<ActionPage>(Services, HostilePages.Actions[answer]));

    [Theory]
    [MemberData(nameof(PreferencesAnswers))]
    public async Task APreferencesPageEncodesEveryText(string answer) =>
        AssertEncoded(await LinkPageHtml.RenderAsync<PreferencesPage>(Services, HostilePages.Preferences[answer]));

    [Theory]
    [MemberData(nameof(InvitationAnswers))]
    public async Task AnInvitationPageEncodesEveryText(string answer) =>
        AssertEncoded(await LinkPageHtml.RenderAsync<InvitationPage>(Services, HostilePages.Invitations[answer]));

    private static void AssertEncoded(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onmouseover=\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;", html, StringComparison.Ordinal);
    }
}

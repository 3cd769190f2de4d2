using System.Text.RegularExpressions;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

/// <summary>The program manager's home counts what waits on their review, with a way to it.</summary>
public sealed partial class HomePageTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    [Fact]
    public async Task TheProgramManagersHomeCountsNominationsWaitingForReview()
    {
        var pm = factory.ClientFor(Keys.ProgramManager);
        var before = Waiting(await pm.GetStringAsync("/"));

        await Nominations.ProposeAsync(factory.ClientFor(Keys.Rep));
        var home = await pm.GetStringAsync("/");

        Assert.Equal(before + 1, Waiting(home));
        Assert.Matches(@"<a class=""card stat"" href=""/nominations""><span class=""value"">\d+</span><span class=""label"">Nominations to review</span></a>", home);
    }

    private static int Waiting(string home) => int.Parse(ToReview().Match(home).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<span class=""value"">(\d+)</span><span class=""label"">Nominations to review</span>")]
    private static partial Regex ToReview();
}

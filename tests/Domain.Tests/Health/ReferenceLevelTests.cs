using ReferenceFlow.Domain.Health;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Health;

public sealed class ReferenceLevelTests
{
    private static ReferenceLevel? LevelOf(IReadOnlyList<Activity> agreed, params (Activity Activity, int DaysAgo)[] done)
    {
        var contact = Sample.Contact("c", activities: agreed);
        var usage = done.Select((d, i) => new ContactUsage("a", "c", $"r{i}", d.Activity, Sample.Now.AddDays(-d.DaysAgo)));
        return ReferenceLevels.Of(contact, UsageIndex.Build(usage, Sample.Now).For(new ContactKey("a", "c")));
    }

    [Theory]
    [InlineData(Activity.Call, ReferenceLevel.Calls)]
    [InlineData(Activity.SiteVisit, ReferenceLevel.Calls)]
    [InlineData(Activity.Quote, ReferenceLevel.Materials)]
    [InlineData(Activity.Logo, ReferenceLevel.Materials)]
    [InlineData(Activity.CaseStudy, ReferenceLevel.Materials)]
    [InlineData(Activity.Press, ReferenceLevel.Materials)]
    [InlineData(Activity.Speaking, ReferenceLevel.CoMarketing)]
    [InlineData(Activity.Webinar, ReferenceLevel.CoMarketing)]
    [InlineData(Activity.AnalystCall, ReferenceLevel.CoMarketing)]
    public void EachActivityBelongsToOneLevel(Activity activity, ReferenceLevel level)
    {
        Assert.Equal(level, ReferenceLevels.Of(activity));
        Assert.Equal(level, LevelOf([activity]));
    }

    [Fact]
    public void EveryActivityHasALevel() =>
        Assert.All(Enum.GetValues<Activity>(), a => Assert.True(Enum.IsDefined(ReferenceLevels.Of(a))));

    [Fact]
    public void TheHighestLevelAgreedToWins()
    {
        Assert.Equal(ReferenceLevel.Calls, LevelOf([Activity.Speaking, Activity.Logo, Activity.Call]));
        Assert.Equal(ReferenceLevel.Materials, LevelOf([Activity.Webinar, Activity.Quote]));
        Assert.Null(LevelOf([]));
    }

    [Fact]
    public void MaterialsAndCoMarketingDoneCountWithoutAnAgreementToDoThemAgain()
    {
        Assert.Equal(ReferenceLevel.CoMarketing, LevelOf([], (Activity.Speaking, 300)));
        Assert.Equal(ReferenceLevel.Materials, LevelOf([Activity.Webinar], (Activity.CaseStudy, 500)));
    }

    [Fact]
    public void APastCallIsNoPromiseOfTheNext()
    {
        Assert.Null(LevelOf([], (Activity.Call, 30)));
        Assert.Equal(ReferenceLevel.Materials, LevelOf([Activity.Logo], (Activity.Call, 30)));
    }

    [Fact]
    public void ABookedActivityStillAheadIsNotDoneYet() =>
        Assert.Null(LevelOf([], (Activity.Speaking, -10)));
}

using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.Preferences;

/// <summary>A contact's own change, applied to their row, and the next match honouring it (list and indexed ranking).</summary>
public sealed class ContactPreferencesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Sample.Now.UtcDateTime);
    private static readonly ReferenceContact Marie = Sample.Contact();

    private static PreferenceChange Same(ReferenceContact c) => new(c.PausedUntil, c.Activities, c.Topics, c.MaxCallsPerQuarter);

    private static IReadOnlyList<ContactKey> RankedBothWays(ReferenceContact contact)
    {
        var intake = Sample.Intake();
        IReadOnlyList<ReferenceAccount> accounts = [Sample.Account("best", contacts: [contact]), Sample.Account("other", industry: "Retail")];
        var usage = UsageIndex.Build([], Sample.Now);
        var busy = new HashSet<ContactKey>();
        var fromList = Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics, accounts, usage, busy, Sample.Now, new WorkflowPolicy(), 5);
        var fromIndex = Matcher.Rank(intake.Prospect, intake.Activity, intake.Topics, DirectoryIndex.Build(accounts), usage, busy, Sample.Now, new WorkflowPolicy(), 5);
        Assert.Equal(fromList, fromIndex);
        return [.. fromList.Select(c => c.Key)];
    }

    [Fact]
    public void NothingChangedIsNoChange()
    {
        var (after, changes) = ContactPreferences.Apply(Marie, Same(Marie), Today);

        Assert.Same(Marie, after);
        Assert.Empty(changes);
    }

    [Fact]
    public void APausedContactIsNotRankedForTheNextMatch()
    {
        Assert.Equal(new ContactKey("best", "marie"), RankedBothWays(Marie)[0]);

        var (after, changes) = ContactPreferences.Apply(Marie, Same(Marie) with { PausedUntil = Today.AddDays(60) }, Today);

        Assert.Equal(["Paused until Sun 17 Jan 2027"], changes);
        Assert.DoesNotContain(new ContactKey("best", "marie"), RankedBothWays(after));
    }

    [Fact]
    public void LeavingWithdrawsConsentAndTheContactIsNeverRankedAgain()
    {
        var (after, changes) = ContactPreferences.Apply(Marie, new PreferenceChange(null, [], [], null, LeaveProgram: true), Today);

        Assert.Equal(Today, after.LeftProgramOn);
        Assert.Equal(Today.AddDays(-1), after.ConsentExpires);
        Assert.Equal(["Left the program; consent withdrawn"], changes);
        Assert.DoesNotContain(new ContactKey("best", "marie"), RankedBothWays(after));
        // Consent renewed on the row later does not bring back someone who left.
        Assert.DoesNotContain(new ContactKey("best", "marie"), RankedBothWays(after with { ConsentExpires = Today.AddYears(1) }));
    }

    [Fact]
    public void DroppingTheAskedActivityTakesTheContactOutOfThoseMatches()
    {
        var (after, changes) = ContactPreferences.Apply(Marie, Same(Marie) with { Activities = [Activity.Quote] }, Today);

        Assert.Equal(["Activities: Quote"], changes);
        Assert.DoesNotContain(new ContactKey("best", "marie"), RankedBothWays(after));
    }

    [Fact]
    public void EachChangeIsSaidInWords()
    {
        var paused = Marie with { PausedUntil = Today.AddDays(10) };

        var (after, changes) = ContactPreferences.Apply(paused, new PreferenceChange(null, [Activity.Call], ["ROI", " migration "], 1), Today);

        Assert.Equal(["Pause lifted", "Activities: Reference call", "Topics: ROI and migration", "Calls per quarter: at most 1"], changes);
        Assert.Equal((null, 1), (after.PausedUntil, after.MaxCallsPerQuarter));
        Assert.Equal(["ROI", "migration"], after.Topics);
    }
}

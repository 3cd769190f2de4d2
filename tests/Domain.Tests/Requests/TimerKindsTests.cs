using System.Reflection;
using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>The request page says what each pending timer will do; a kind added without its words would show as a name.</summary>
public sealed class TimerKindsTests
{
    public static TheoryData<string> Kinds => [.. typeof(TimerKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryTimerKindSaysWhatItWillDo(string kind)
    {
        var text = TimerKinds.Text(kind);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.NotEqual(kind, text);
    }

    [Fact]
    public void AParallelAsksTimeoutLetsThatCandidateGo()
    {
        Assert.Equal("Let candidate 2 go if their owner hasn't answered", TimerKinds.Text(TimerKinds.OwnerApprovalTimeout, 2));
        Assert.Equal("Let candidate 3 go if they haven't answered", TimerKinds.Text(TimerKinds.ReferenceConsentTimeout, 3));
        Assert.Equal(TimerKinds.Text(TimerKinds.OwnerApprovalTimeout), TimerKinds.Text(TimerKinds.OwnerApprovalTimeout, null));
    }

    [Fact]
    public void ATimerKindThisCodeDoesNotKnowIsShownByName() => Assert.Equal("SomethingNew", TimerKinds.Text("SomethingNew"));
}

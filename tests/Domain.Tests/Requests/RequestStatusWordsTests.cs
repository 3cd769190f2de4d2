using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Tests.Requests;

/// <summary>One set of words for the states: pages, problem texts and the timeline read the same, never an enum name.</summary>
public sealed class RequestStatusWordsTests
{
    [Fact]
    public void EveryStatusHasItsOwnWordsAndNoneIsAnEnumName()
    {
        var statuses = Enum.GetValues<RequestStatus>();
        var words = statuses.Select(s => s.Words()).ToList();

        Assert.Equal(statuses.Length, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Single-word states read as themselves; the others are said in words, never as "AwaitingOwnerApproval".
        Assert.All(statuses, s => Assert.True(s.Words() == s.ToString() || s.Words().Contains(' ', StringComparison.Ordinal), s.ToString()));
        Assert.DoesNotContain(words, w => w.Contains("unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void AStatusReadsOnInsideASentence() =>
        Assert.Equal("the request is awaiting the owner", $"the request is {RequestStatus.AwaitingOwnerApproval.WordsInSentence()}");
}

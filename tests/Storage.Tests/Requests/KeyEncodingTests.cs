using ReferenceFlow.Storage.Requests;

namespace ReferenceFlow.Storage.Tests.Requests;

/// <summary>Which ids can be keys at all: one that cannot is a lookup that finds nothing, never a storage error (a 500).</summary>
public sealed class KeyEncodingTests
{
    [Theory]
    [InlineData("ref1", true, true)]
    [InlineData("a/b", true, false)]
    [InlineData(" ", true, false)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    [InlineData("x\u0000", true, false)]
    public void KnowsWhatCanBeAKey(string? id, bool fits, bool fitsAsIs)
    {
        Assert.Equal(fits, KeyEncoding.Fits(id));
        Assert.Equal(fitsAsIs, KeyEncoding.FitsAsIs(id));
    }

    [Fact]
    public void AnIdLongerThanAKeyCanHoldFitsNeitherWay()
    {
        var id = new string('x', 401);
        Assert.False(KeyEncoding.Fits(id));
        Assert.False(KeyEncoding.FitsAsIs(id));
        Assert.True(KeyEncoding.Fits(id[..400]));
    }
}

using ReferenceFlow.Web.Components.Shared;

namespace ReferenceFlow.Web.Tests.Components;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(2.0 / 60, "2 min")]
    [InlineData(0.5, "30 min")]
    [InlineData(59.4 / 60, "59 min")]
    [InlineData(1, "1 h")]
    [InlineData(5, "5 h")]
    [InlineData(1.5, "1.5 h")]
    [InlineData(24, "24 h")]
    [InlineData(47.9, "47.9 h")]
    [InlineData(48, "2 days")]
    [InlineData(72, "3 days")]
    [InlineData(84, "3.5 days")]
    public void ADurationIsWrittenInTheUnitThatFitsIt(double hours, string expected) =>
        Assert.Equal(expected, DurationText.FromHours(hours));

    [Fact]
    public void SecondsAreUnderAMinuteAndNothingIsADash()
    {
        Assert.Equal("under 1 min", DurationText.FromHours(10.0 / 3600));
        Assert.Equal("under 1 min", DurationText.FromHours(0));
        Assert.Equal("–", DurationText.FromHours(null));
    }
}

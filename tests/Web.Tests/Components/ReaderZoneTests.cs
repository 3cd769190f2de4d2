using Microsoft.AspNetCore.Http;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Web.Components.Shared;

namespace ReferenceFlow.Web.Tests.Components;

/// <summary>The reader's zone comes from the browser's cookie when it names a real zone; anything else reads the business zone.</summary>
public sealed class ReaderZoneTests
{
    private static readonly WorkflowPolicy Policy = new() { BusinessTimeZone = "Europe/Berlin" };

    [Theory]
    [InlineData("America/Los_Angeles", "America/Los_Angeles")]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData(null, "Europe/Berlin")]
    [InlineData("", "Europe/Berlin")]
    [InlineData("Mars/Olympus_Mons", "Europe/Berlin")]
    [InlineData("Romance Standard Time", "Europe/Berlin")]
    [InlineData("../../../etc/passwd", "Europe/Berlin")]
    [InlineData("Europe/Paris<script>", "Europe/Berlin")]
    public void TheBrowsersZoneIsUsedOnlyWhenItIsAKnownIanaZone(string? cookie, string expected)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null) http.Request.Headers.Cookie = $"{ReaderZone.Cookie}={cookie}";

        Assert.Equal(expected, ReaderZone.Of(http, Policy).Id);
    }

    [Fact]
    public void WithoutARequestTheBusinessZoneIsUsed() =>
        Assert.Equal("Europe/Berlin", ReaderZone.Of(null, Policy).Id);
}

using ReferenceFlow.Domain.Messages;

namespace ReferenceFlow.Email.Tests.Rendering;

/// <summary>Links to the app's own pages (the program manager's digest): on the public base address, labels encoded, in both parts.</summary>
public sealed class PageLinksTests
{
    private static readonly OutboundEmail Digest = new(EmailKind.Digest, null, [new Recipient("pm", "pm@vendor.example")], "Waiting on you today: 1 request",
        ["Good morning."], Links: [new PageLink("Acme <Health> & co: rushed", "/requests/r%201"), new PageLink("Review the nominations", "/nominations")]);

    [Fact]
    public void EachPageIsALinkOnThePublicAddressInTheTextAndTheHtml()
    {
        var pages = Digest.Links!.Select(Samples.Tokens().Page).ToList();

        var message = Samples.Renderer().Render(Digest, "digest:2026-12-07", pages: pages);

        Assert.Contains("- Acme <Health> & co: rushed:\n  https://refs.vendor.example/requests/r%201\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://refs.vendor.example/requests/r%201\" style=\"color:#1d4ed8\">Acme &lt;Health&gt; &amp; co: rushed</a>",
            message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://refs.vendor.example/nominations\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Digest", message.Headers["X-ReferenceFlow-Kind"]);
    }

    [Fact]
    public void AnEmailWithLinksCannotBeRenderedWithoutTheirAddresses() =>
        Assert.Throws<ArgumentException>(() => Samples.Renderer().Render(Digest, "digest:2026-12-07"));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("requests/1")]
    public void OnlyPathsOfThisAppBecomeLinks(string path) =>
        Assert.Throws<ArgumentException>(() => Samples.Tokens().Page(new PageLink("Somewhere", path)));
}

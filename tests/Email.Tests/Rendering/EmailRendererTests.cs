using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Rendering;

namespace ReferenceFlow.Email.Tests.Rendering;

public sealed class EmailRendererTests
{
    private static MintedAction Mint(OutboundEmail email) => Samples.Tokens().Mint(email.RequestId!, email.Action!, "tok-1");

    [Fact]
    public void AMessageHasATextAndAnHtmlAlternativeAndTheContractHeaders()
    {
        var email = Samples.OwnerApproval();
        var message = Samples.Renderer().Render(email, "effect-1", Mint(email));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("req-42", message.Headers["X-ReferenceFlow-Request"]);
        Assert.Equal("OwnerApproval", message.Headers["X-ReferenceFlow-Kind"]);
        Assert.Equal("referenceflow@vendor.example", message.From.Mailboxes.Single().Address);
        Assert.Contains("Acme Health analytics", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<table", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageIdIsTheSameForTheSameEffectAndDiffersForAnother()
    {
        var email = Samples.OwnerApproval();
        var renderer = Samples.Renderer();

        var first = renderer.Render(email, "effect-1", Mint(email)).MessageId;
        var again = renderer.Render(email, "effect-1", Mint(email)).MessageId;
        var other = renderer.Render(email, "effect-2", Mint(email)).MessageId;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.EndsWith("@vendor.example", first, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDecisionGetsAButtonAndATextLinkToTheActionsPage()
    {
        var email = Samples.OwnerApproval();
        var minted = Mint(email);
        var message = Samples.Renderer().Render(email, "effect-1", minted);

        foreach (var decision in new[] { "approve", "decline" })
        {
            var url = $"https://refs.vendor.example/actions/{minted.Token}?decision={decision}";
            Assert.Contains(url, message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{url}\"", message.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMessageWithoutARequestHasNoRequestHeader()
    {
        var email = Samples.OwnerApproval() with { RequestId = null, Action = null, Kind = EmailKind.KeepWarm };
        var message = Samples.Renderer().Render(email, "effect-1");

        Assert.Null(message.Headers["X-ReferenceFlow-Request"]);
        Assert.Equal("KeepWarm", message.Headers["X-ReferenceFlow-Kind"]);
    }

    [Fact]
    public void AnInvalidRecipientAddressIsAClearError()
    {
        var email = Samples.OwnerApproval() with { Action = null, To = [new Recipient("Nobody", "not an address")] };

        var error = Assert.Throws<ArgumentException>(() => Samples.Renderer().Render(email, "effect-1"));
        Assert.Contains("not an address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmailThatAsksForADecisionCannotBeRenderedWithoutItsLinks()
    {
        Assert.Throws<ArgumentException>(() => Samples.Renderer().Render(Samples.OwnerApproval(), "effect-1"));
    }

    [Fact]
    public void AccentsAndOtherScriptsStayReadableWhileMarkupIsEncoded()
    {
        var email = Samples.OwnerApproval() with { Action = null, Paragraphs = ["Marie Dubois (Società Müller, 東京) & <b>team</b>"] };

        var html = Samples.Renderer().Render(email, "effect-1").HtmlBody;

        Assert.Contains("Marie Dubois (Società Müller, 東京) &amp; &lt;b&gt;team&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;
using ReferenceFlow.Email.Rendering;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email.Tests;

/// <summary>Emails and services as the effect handler would build them.</summary>
internal static class Samples
{
    public const string Key1 = "first-signing-key-0123456789abcdef0123";
    public const string Key2 = "second-signing-key-0123456789abcdef012";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static OutboundEmail OwnerApproval(string subject = "Reference request for Contoso Health", string marker = "") => new(
        EmailKind.OwnerApproval,
        "req-42",
        [new Recipient("Jane CSM" + marker, "jane.csm@vendor.example")],
        subject,
        ["Paul's team at Acme Health is comparing us with LegacyBI." + marker, "Marie would talk about the migration." + marker],
        [new Fact("Opportunity" + marker, "Acme Health analytics" + marker), new Fact("Stage", "Negotiation")],
        new ActionLink(ActionNames.OwnerApproval, "owner-approval:marie:1", "jane.csm@vendor.example", [ActionNames.Approve, ActionNames.Decline], Now.AddDays(3)));

    public static OutboundEmail Introduction(string subject = "Introduction: Marie Dubois and Paul Martin", string marker = "") => new(
        EmailKind.Introduction,
        "req-42",
        [new Recipient("Marie Dubois" + marker, "marie@contoso.example"), new Recipient("Paul Martin", "paul@acme.example")],
        subject,
        ["Marie, Paul: here is the call we spoke about." + marker],
        [new Fact("When (Paris)", "Tue 24 Nov 10:00"), new Fact("When (New York)", "Tue 24 Nov 04:00")],
        Invitation: new Invitation(
            "req-42-call@referenceflow",
            new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
            "Reference call: Contoso Health and Acme Health" + marker,
            "Thirty minutes on the migration." + marker,
            new Recipient("ReferenceFlow", "referenceflow@vendor.example"),
            [new Recipient("Marie Dubois" + marker, "marie@contoso.example"), new Recipient("Paul Martin", "paul@acme.example")]));

    public static EmailOptions EmailOptions(string? pickup = null, int smtpPort = 25) => new()
    {
        From = "referenceflow@vendor.example",
        PickupDirectory = pickup ?? Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N")),
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) },
    };

    public static ActionTokenService Tokens(params string[] keys)
    {
        var options = new ActionOptions { BaseUrl = "https://refs.vendor.example" };
        foreach (var key in keys.Length == 0 ? [Key1] : keys)
        {
            options.SigningKeys.Add(key);
        }
        return new ActionTokenService(Options.Create(options));
    }

    public static EmailRenderer Renderer(EmailOptions? options = null) => new(Options.Create(options ?? EmailOptions()), TimeProvider.System);

    public static SmtpEmailSender Smtp(EmailOptions options) => new(Options.Create(options), NullLogger<SmtpEmailSender>.Instance);
}

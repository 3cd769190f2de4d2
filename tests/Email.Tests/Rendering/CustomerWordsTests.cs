using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Email.Tests.Rendering;

/// <summary>
/// Every email a customer reads — the reference, the prospect, a nominated contact — as rendered: our company speaks
/// and is named (from configuration), and no internal word reaches them: no enum name, no deal stage, no "Why:", no
/// level number, no address of our staff, no country code, and never "speak for" their own company.
/// </summary>
public sealed class CustomerWordsTests
{
    private const string Company = "Fabrikam";

    private static readonly string[] InternalWords =
    [
        "CLevel", "SiteVisit", "CaseStudy", "AnalystCall", "RequestSubmitted", "Validate", "Negotiation", "stage", "Level 3",
        "speak for", "(DE)", "(FR)", " DE.", " FR.", OurCompany.Name,
        CustomerSamples.Rep, CustomerSamples.Owner, CustomerSamples.ProgramManager, "riley.rep", "jane.csm",
    ];

    public static TheoryData<string> CustomerEmails => [.. Emails().Keys];

    [Theory]
    [MemberData(nameof(CustomerEmails))]
    public void ACustomersEmailNamesOurCompanyAndNoInternalWord(string name)
    {
        var message = Render(Emails()[name]);

        foreach (var text in new[] { message.Subject + "\n" + message.TextBody, message.HtmlBody! })
        {
            Assert.Contains(Company, text, StringComparison.Ordinal);
            foreach (var word in InternalWords)
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{name} shows '{word}':\n{text}");
            }
        }
    }

    [Fact]
    public void TheProspectsBriefingSaysRolesInWordsAndCountriesByName()
    {
        var text = Render(BriefingEmails.ForProspect(CustomerSamples.Request())).TextBody;

        Assert.Contains("Marie is a VP on the business side; you are a C-level executive in an executive role.", text, StringComparison.Ordinal);
        Assert.Contains("in France", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReferencesBriefingSaysWhyInPlainWords()
    {
        var text = Render(BriefingEmails.ForReference(CustomerSamples.Request())).TextBody;

        Assert.Contains("they want to validate specific points with a peer before deciding", text, StringComparison.Ordinal);
        Assert.Contains("Acme Health is considering Analytics Cloud from Fabrikam", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInvitationAsksThemToBeOurReference()
    {
        var message = Render(NominationEmails.Invitation(CustomerSamples.Nomination(), Samples.Now.AddDays(14)));

        Assert.Equal("Would you be a customer reference for Fabrikam?", message.Subject);
        Assert.Contains("how it works for you at Wingtip Toys", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReferenceIsAskedInTheNameOfTheOwnerWhoLooksAfterThem()
    {
        var message = Render(ReferenceEmails.Consent(CustomerSamples.Request(), "consent:marie:1", Samples.Now.AddDays(3)));

        Assert.Contains("Jane Carter, who looks after your account at Fabrikam, agreed to ask you.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Jane Carter, who looks after your account at Fabrikam, agreed to ask you.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(("Jane Carter", "jane.csm@vendor.example"), message.Cc.Mailboxes.Select(m => (m.Name, m.Address)).Single());
    }

    [Fact]
    public void TheIntroductionsInvitationIsOrganisedByTheRepByName()
    {
        var slot = new ProposedSlot(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), true);
        var message = Render(IntroductionEmail.Build(CustomerSamples.Request(), slot, "req-7-call@vendor.example", new WorkflowPolicy()));

        var calendar = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text;
        Assert.Contains("ORGANIZER;CN=Riley Rep:mailto:riley.rep@vendor.example", calendar.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["Riley Rep", "Jane Carter"], message.Cc.Mailboxes.Select(m => m.Name));
    }

    private static Dictionary<string, OutboundEmail> Emails()
    {
        var request = CustomerSamples.Request();
        var slot = new ProposedSlot(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), true);
        return new()
        {
            ["consent"] = ReferenceEmails.Consent(request, "consent:marie:1", Samples.Now.AddDays(3)),
            ["reference briefing"] = BriefingEmails.ForReference(request),
            ["prospect briefing"] = BriefingEmails.ForProspect(request),
            ["introduction"] = IntroductionEmail.Build(request, slot, "req-7-call@vendor.example", new WorkflowPolicy()),
            ["thank-you"] = ReferenceEmails.ThankYou(request, new Gift(GiftKind.EventTicket, "DataConf")),
            ["loop closed, won"] = ReferenceEmails.LoopClosed(request, DealOutcome.Won),
            ["loop closed, lost"] = ReferenceEmails.LoopClosed(request, DealOutcome.Lost),
            ["invitation"] = NominationEmails.Invitation(CustomerSamples.Nomination(), Samples.Now.AddDays(14)),
            ["invitation reminder"] = NominationEmails.Reminder(CustomerSamples.Nomination(), Samples.Now.AddDays(14), "UTC"),
            ["welcome"] = NominationEmails.Welcome(CustomerSamples.Nomination(joined: true), "marie"),
        };
    }

    private static MimeMessage Render(OutboundEmail email)
    {
        // Named as the dispatcher names them, from the people directory.
        email = StaffInEmail.Fill(email, CustomerSamples.Staff);
        var options = Samples.EmailOptions();
        options.CompanyName = Company;
        var action = email.Action is { } link ? Samples.Tokens().Mint(email.RequestId!, link, "tok-1") : null;
        return Samples.Renderer(options).Render(email, "effect-1", action);
    }
}

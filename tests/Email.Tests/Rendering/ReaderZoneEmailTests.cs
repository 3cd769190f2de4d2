using System.Net;
using MimeKit;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Policies;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Email.Tests.Rendering;

/// <summary>
/// Every time an email names is in its reader's zone, with the zone named, in both the text and the HTML part: the
/// introduction in each party's own zone, a nominee's reminder in theirs (the program's business zone when theirs is
/// unknown), the owner's reminder in the program's zone when the people directory knows none for them.
/// </summary>
public sealed class ReaderZoneEmailTests
{
    private static readonly ProposedSlot NineUtc =
        new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), true);

    [Fact]
    public void TheIntroductionGivesEachPartyTheTimeInTheirOwnZone()
    {
        var request = CustomerSamples.Request();
        request = request with { Intake = request.Intake! with { Prospect = request.Intake.Prospect with { TimeZone = "America/New_York" } } };

        var message = Render(IntroductionEmail.Build(request, NineUtc, "req-7-call@vendor.example", new WorkflowPolicy()));

        foreach (var text in Parts(message))
        {
            Assert.Contains("Proposed time: Tue 1 Dec 2026, 10:00–10:30 Paris time for Marie, which is Tue 1 Dec 2026, 04:00–04:30 New York time for Paul.", text, StringComparison.Ordinal);
            // 04:00 in New York is before Paul's day starts: the email says so, and whose hours they are.
            Assert.Contains("This is outside Paul Martin's usual hours (Mon–Fri, 09:00–17:00 New York time)", text, StringComparison.Ordinal);
            Assert.DoesNotContain("UTC", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnIntroductionLaterThanTheWindowSaysWhatTheCalendarShowedNotThatNothingWasFree()
    {
        var late = NineUtc with { InsideWindow = false };

        var text = Render(IntroductionEmail.Build(CustomerSamples.Request(), late, "req-7-call@vendor.example", new WorkflowPolicy())).TextBody;

        Assert.Contains("When we looked for a time, Marie Dubois's calendar had no free half-hour slot in their usual hours "
            + "(Mon–Fri, 09:00–17:00 Paris time) within the next 24 hours, so this is the first free time after that.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no free time within", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNomineesReminderNamesTheDeadlineInTheirZone()
    {
        var expires = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var message = Render(NominationEmails.Reminder(CustomerSamples.Nomination(), expires, "America/New_York"));

        foreach (var text in Parts(message))
        {
            Assert.Contains("our invitation is open until Mon 7 Dec 2026, 10:00 Paris time.", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ANomineeWithoutAKnownZoneReadsTheProgramsBusinessZone()
    {
        var nomination = CustomerSamples.Nomination();
        nomination = nomination with { Contact = nomination.Contact with { TimeZone = "Atlantis/Capital" } };

        var text = Render(NominationEmails.Reminder(nomination, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), "America/New_York")).TextBody;

        Assert.Contains("our invitation is open until Mon 7 Dec 2026, 04:00 New York time.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwnerWhoseZoneNobodyKnowsReadsTheirReminderInTheProgramsZone()
    {
        var expires = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var message = Render(OwnerEmails.Reminder(CustomerSamples.Request(), "owner:1", expires, "Asia/Tokyo"));

        foreach (var text in Parts(message))
        {
            Assert.Contains("Without an answer by Mon 7 Dec 2026, 18:00 Tokyo time the request moves on", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{time:", text, StringComparison.Ordinal);
        }
    }

    // The HTML part as a reader sees it: its entities decoded.
    private static string[] Parts(MimeMessage message) => [message.TextBody!, WebUtility.HtmlDecode(message.HtmlBody!)!];

    private static MimeMessage Render(OutboundEmail email)
    {
        var action = email.Action is { } link ? Samples.Tokens().Mint(email.RequestId!, link, "tok-1") : null;
        return Samples.Renderer().Render(email, "effect-1", action);
    }
}

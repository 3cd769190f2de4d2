using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.People;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Tests.Support;

namespace ReferenceFlow.Domain.Tests.People;

/// <summary>The Domain names staff by marker; whoever shows the text puts in the name, "you", or the whole address.</summary>
public sealed class StaffNamesTests
{
    private static readonly Dictionary<string, StaffMember> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rep@vendor.example"] = new("rep@vendor.example", "Riley Rep", null),
        ["owner-ref1@vendor.example"] = new("owner-ref1@vendor.example", "Jane Carter", "Europe/London"),
    };

    [Fact]
    public void AMarkerReadsAsTheNameYouOrTheWholeAddress()
    {
        var text = $"Submitted by {StaffNames.Of("rep@vendor.example")}, waiting on {StaffNames.Of("LI.AE@vendor.example")}";

        Assert.Equal("Submitted by Riley Rep, waiting on LI.AE@vendor.example", StaffNames.Fill(text, Known));
        Assert.Equal("Submitted by you, waiting on LI.AE@vendor.example", StaffNames.Fill(text, Known, reader: "Rep@Vendor.Example"));
        Assert.Equal(["rep@vendor.example", "LI.AE@vendor.example"], StaffNames.In(text));
    }

    [Fact]
    public void TheTimelineNamesTheRequesterAndTheOwnerWhoApproved()
    {
        var submitted = new RequestSubmitted("req-1", Sample.Intake(), "rep@vendor.example", "pm@vendor.example", [], Sample.Now);
        var approved = new OwnerApproved("owner-approval:1", "owner-ref1@vendor.example", null, Sample.Now);

        Assert.Equal("Submitted by Riley Rep for Acme Health with 0 candidates", StaffNames.Fill(RequestEventText.Describe(submitted), Known));
        Assert.Equal("Approved by Jane Carter", StaffNames.Fill(RequestEventText.Describe(approved), Known));
    }

    [Fact]
    public void AnEmailNamesStaffInItsTextRecipientsAndInvitation()
    {
        var email = new OutboundEmail(EmailKind.Introduction, "req-1", [Words.Staff("owner-ref1@vendor.example")],
            $"{StaffNames.Of("rep@vendor.example")} asks", [$"{StaffNames.Of("owner-ref1@vendor.example")}, who looks after your account"],
            Cc: [Words.Staff("rep@vendor.example")],
            Invitation: new Invitation("uid", Sample.Now, Sample.Now.AddMinutes(30), "Call", "Topics", Words.Staff("rep@vendor.example"), []));

        var named = StaffInEmail.Fill(email, Known);

        Assert.Equal(["owner-ref1@vendor.example", "rep@vendor.example"], StaffInEmail.Addresses(email).Order());
        Assert.Equal("Jane Carter", named.To[0].Name);
        Assert.Equal("Riley Rep", named.Cc![0].Name);
        Assert.Equal("Riley Rep", named.Invitation!.Organizer.Name);
        Assert.Equal("Riley Rep asks", named.Subject);
        Assert.Equal("Jane Carter, who looks after your account", named.Paragraphs[0]);
    }

    [Fact]
    public void AnUnknownOwnerIsWrittenByTheirWholeAddressNeverByItsLocalPart()
    {
        var state = new RequestState { RequestId = "req-1", Intake = Sample.Intake(), RequesterEmail = "riley.rep@vendor.example" };
        var email = new OutboundEmail(EmailKind.OutcomeNudge, "req-1", [Words.Staff(state.RequesterEmail)], "s", [$"{StaffNames.Of(state.RequesterEmail)} asked"]);

        var named = StaffInEmail.Fill(email, new Dictionary<string, StaffMember>());

        Assert.Equal("riley.rep@vendor.example asked", named.Paragraphs[0]);
        Assert.Equal("riley.rep@vendor.example", named.To[0].Name);
    }
}

using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Domain.Matching;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Domain.Nominations;
using ReferenceFlow.Domain.Preferences;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Requests;
using ReferenceFlow.Domain.Scheduling;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.Api.Tests.LinkPages;

/// <summary>Every answer of every link page, with markup in each piece of text that people, tokens or forms put there.</summary>
internal static class HostilePages
{
    /// <summary>Closes an attribute, opens a script and an element with a handler: harmless only when encoded.</summary>
    public const string Text = "\"><script>alert('x')</script><b onmouseover=\"x()\">";

    private static readonly DateTimeOffset At = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, string[]> Errors = new Dictionary<string, string[]>
    {
        ["pausedUntil"] = [Text], ["activities"] = [Text], ["topics"] = [Text], ["maxCallsPerQuarter"] = [Text], ["confirmLeave"] = [Text],
    };

    public static IReadOnlyDictionary<string, ActionPageModel> Actions { get; } = new Dictionary<string, ActionPageModel>
    {
        ["owner's form, with an error"] = new ActionPageModel.Form(Text, ActionNames.OwnerApproval, [ActionNames.Approve, Text], Text, Request(), Text),
        ["reference's form"] = new ActionPageModel.Form(Text, ActionNames.ReferenceConsent, [ActionNames.Accept, ActionNames.Decline], null, Request(), null),
        ["answer recorded"] = new ActionPageModel.Confirmed(Text, Request()),
        ["link refused"] = new ActionPageModel.Refused(410, Text, Text),
    };

    public static IReadOnlyDictionary<string, PreferencesPageModel> Preferences { get; } = new Dictionary<string, PreferencesPageModel>
    {
        ["settings saved, with errors and a log"] = new PreferencesPageModel.Settings(Text, Account(), Contact(), 1, new DateOnly(2026, 11, 18), History(),
            [new PreferenceChangeEntry(At, Text)], Errors, Posted(PreferencesForm.Save), [Text]),
        ["leave not confirmed"] = new PreferencesPageModel.Settings(Text, Account(), Contact(), 1, new DateOnly(2026, 11, 18), History(), [], Errors,
            Posted(PreferencesForm.Leave)),
        ["left"] = new PreferencesPageModel.Left(Contact() with { LeftProgramOn = new DateOnly(2026, 11, 1) }, Account(), true, History()),
        ["link refused"] = new PreferencesPageModel.Refused(400, Text, Text),
    };

    // The "no, thank you" answer shows no text of anyone's, so it is not among these.
    public static IReadOnlyDictionary<string, InvitationPageModel> Invitations { get; } = new Dictionary<string, InvitationPageModel>
    {
        ["invitation, with errors"] = new InvitationPageModel.Form(Text, Nomination(), 1, Errors, Posted(PreferencesForm.Save), Text),
        ["invitation"] = new InvitationPageModel.Form(Text, Nomination(), 2),
        ["joined"] = new InvitationPageModel.Answered(true, Nomination() with { Answer = new NominationAnswer(true, At, [Activity.Call], [Text], 1) }),
        ["link refused"] = new InvitationPageModel.Refused(410, Text, Text),
    };

    private static PreferencesForm Posted(string intent) => new(intent, Text, [Text, nameof(Activity.Call)], Text, Text, false);

    private static RequestState Request()
    {
        var prospect = new ProspectProfile(Text, Text, 9000, Text, [Text], Text, Text, Text, "paul@acme.example", Text,
            Seniority.VP, Persona.Business, "Europe/Paris", "fr");
        var intake = new RequestIntake(new Opportunity(Text, Text, Text, 250_000m, new DateOnly(2027, 1, 15)), prospect, Purpose.Validate,
            [Text], Activity.Call, new DateOnly(2026, 12, 20), new Qualification(true, true, true, true), Text);
        var candidate = new Candidate("ref1", "c1", 0.9, [Text],
            new CandidateAccount(Text, AccountStatus.Caution, Text, "owner@vendor.example", Text, 12000, "FR", [], [], []),
            new CandidateContact(Text, "c1@customer.example", null, Text, Seniority.VP, Persona.Business, "Europe/Paris",
                WorkingHours.Default, ["fr"], [Text]));
        return new RequestState { RequestId = "req-1", Intake = intake, RequesterEmail = Text, Candidates = [candidate], CurrentIndex = 0 };
    }

    private static ReferenceContact Contact() => new("c1", Text, "c1@customer.example", Text, Seniority.VP, Persona.Business,
        "Europe/Paris", ["fr"], [Activity.Call], [Text], MaxCallsPerQuarter: 1);

    private static ReferenceAccount Account() => new("ref1", Text, Text, 12000, 2_500_000_000, "FR", [], [], [], Text + "@vendor.example",
        AccountStatus.Active, [Contact()]);

    private static ContactHistory History() => new(
        [new HeldActivity(Text, At), new HeldActivity(nameof(Activity.Call), At)],
        [new ThanksRecord("ref1", "c1", "req-1", At, new Gift(GiftKind.Other, Text))], TimeZoneInfo.Utc);

    private static Nomination Nomination() => new(
        "nom-1", NominationState.Invited, NominationSource.Survey, Text, Text, "ref1", Text, null, Contact(), Text + "@vendor.example", At,
        [], InvitationExpiresAt: At.AddDays(14));
}

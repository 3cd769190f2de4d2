using ReferenceFlow.ApiContract;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

// The API's contracts against the Web host (the Functions app runs the same in Functions.Tests).

public sealed class RequestsApiTests(SeededFactory host) : RequestsApiContract(host), IClassFixture<SeededFactory>;

public sealed class ReferencesApiTests(ReferenceFlowFactory host) : ReferencesApiContract(host), IClassFixture<ReferenceFlowFactory>;

public sealed class ActionLinksTests(SeededFactory host) : ActionLinksContract(host), IClassFixture<SeededFactory>;

public sealed class ApiAccessTests(ReferenceFlowFactory host) : ApiAccessContract(host), IClassFixture<ReferenceFlowFactory>;

public sealed class ProgramApiTests(ReferenceFlowFactory host) : ProgramApiContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class PreferencesTests(ReferenceFlowFactory host) : PreferencesContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class InsightsApiTests(SeededFactory host) : InsightsApiContract(host), IClassFixture<SeededFactory>;
public sealed class NominationsTests(ReferenceFlowFactory host) : NominationsContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class InvitationLinksTests(ReferenceFlowFactory host) : InvitationLinksContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class ValidationWordsTests(ReferenceFlowFactory host) : ValidationWordsContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class RequestStepsTests(SeededFactory host) : RequestStepsContract(host), IClassFixture<SeededFactory>;
public sealed class StandingApprovalsTests(ReferenceFlowFactory host) : StandingApprovalsContract(host), IClassFixture<ReferenceFlowFactory>;
public sealed class ParallelAsksTests(ReferenceFlowFactory host) : ParallelAsksContract(host), IClassFixture<ReferenceFlowFactory>;

using ReferenceFlow.ApiContract;
using ReferenceFlow.Functions.Tests.Support;

namespace ReferenceFlow.Functions.Tests.Http;

// The API's contracts against the HTTP triggers: the same tests the Web host passes in Web.Tests.

public sealed class RequestsApiTests(SeededFunctionsHost host) : RequestsApiContract(host), IClassFixture<SeededFunctionsHost>;

public sealed class ReferencesApiTests(FunctionsApiHost host) : ReferencesApiContract(host), IClassFixture<FunctionsApiHost>;

public sealed class ActionLinksTests(SeededFunctionsHost host) : ActionLinksContract(host), IClassFixture<SeededFunctionsHost>;

public sealed class ApiAccessTests(FunctionsApiHost host) : ApiAccessContract(host), IClassFixture<FunctionsApiHost>;

public sealed class ProgramApiTests(FunctionsApiHost host) : ProgramApiContract(host), IClassFixture<FunctionsApiHost>;
public sealed class PreferencesTests(FunctionsApiHost host) : PreferencesContract(host), IClassFixture<FunctionsApiHost>;
public sealed class InsightsApiTests(SeededFunctionsHost host) : InsightsApiContract(host), IClassFixture<SeededFunctionsHost>;
public sealed class NominationsTests(FunctionsApiHost host) : NominationsContract(host), IClassFixture<FunctionsApiHost>;
public sealed class InvitationLinksTests(FunctionsApiHost host) : InvitationLinksContract(host), IClassFixture<FunctionsApiHost>;
public sealed class ValidationWordsTests(FunctionsApiHost host) : ValidationWordsContract(host), IClassFixture<FunctionsApiHost>;
public sealed class RequestStepsTests(SeededFunctionsHost host) : RequestStepsContract(host), IClassFixture<SeededFunctionsHost>;
public sealed class StandingApprovalsTests(FunctionsApiHost host) : StandingApprovalsContract(host), IClassFixture<FunctionsApiHost>;
public sealed class ParallelAsksTests(FunctionsApiHost host) : ParallelAsksContract(host), IClassFixture<FunctionsApiHost>;

using ReferenceFlow.ApiContract;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Api;

// The contracts of the limits on callers, against the Web host's middleware.

public sealed class RateLimitsTests(RateLimitsFactory host) : RateLimitsContract(host), IClassFixture<RateLimitsFactory>;

public sealed class AnonymousBodyTests(ReferenceFlowFactory host) : AnonymousBodyContract(host), IClassFixture<ReferenceFlowFactory>;

using ReferenceFlow.ApiContract;

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>The Web host with the tiny rate limits of <see cref="RateLimitsContract"/>.</summary>
public sealed class RateLimitsFactory() : ReferenceFlowFactory(new Dictionary<string, string?>(RateLimitsContract.Settings));

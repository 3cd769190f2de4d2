using ReferenceFlow.ApiContract;

namespace ReferenceFlow.Functions.Tests.Support;

/// <summary>The Functions app with the tiny rate limits of <see cref="RateLimitsContract"/>.</summary>
public sealed class RateLimitsFunctionsHost() : FunctionsApiHost(new Dictionary<string, string?>(RateLimitsContract.Settings));

namespace ReferenceFlow.Functions.Tests.Support;

/// <summary>The Functions app with the program manager's digest due from midnight, so any hour of a test run is past it.</summary>
public sealed class DigestFunctionsHost() : FunctionsApiHost(new Dictionary<string, string?>
{
    ["ReferenceFlow:Digest:Enabled"] = "true",
    ["ReferenceFlow:Digest:SendHour"] = "0",
});

namespace ReferenceFlow.Web.Tests.Support;

/// <summary>The Web host with API keys for two account owners who also sell (account executives), beside the demo keys.</summary>
public sealed class OwnersFactory() : ReferenceFlowFactory(new Dictionary<string, string?>
{
    // Indices after the four Development keys, so those stay.
    ["ReferenceFlow:ApiKeys:10:Key"] = OwnerAKey,
    ["ReferenceFlow:ApiKeys:10:Email"] = OwnerA,
    ["ReferenceFlow:ApiKeys:10:Name"] = "Ada Owner",
    ["ReferenceFlow:ApiKeys:10:Role"] = "SalesRep",
    ["ReferenceFlow:ApiKeys:11:Key"] = OwnerBKey,
    ["ReferenceFlow:ApiKeys:11:Email"] = OwnerB,
    ["ReferenceFlow:ApiKeys:11:Name"] = "Ben Owner",
    ["ReferenceFlow:ApiKeys:11:Role"] = "SalesRep",
})
{
    public const string OwnerA = "owner-a@accounts.example";
    public const string OwnerB = "owner-b@accounts.example";
    public const string OwnerAKey = "test-owner-a";
    public const string OwnerBKey = "test-owner-b";

    public static string KeyFor(string ownerEmail) => ownerEmail == OwnerA ? OwnerAKey : OwnerBKey;
}

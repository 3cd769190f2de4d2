namespace ReferenceFlow.Web.Tests.Support;

/// <summary>The app on a private Azurite that a test stops and starts: storage calls give up at once rather than retry.</summary>
public sealed class OutageFactory(string connectionString) : ReferenceFlowFactory(new Dictionary<string, string?>
{
    ["ReferenceFlow:Storage:ConnectionString"] = connectionString,
    ["ReferenceFlow:Storage:MaxRetries"] = "0",
    ["ReferenceFlow:Storage:NetworkTimeout"] = "00:00:03",
});

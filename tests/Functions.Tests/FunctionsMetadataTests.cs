using System.Text.Json;
using ReferenceFlow.Functions.Tests.Support;

namespace ReferenceFlow.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the app's build output is checked instead: the functions.metadata
/// the worker SDK generates is what the host reads to bind every trigger (./test.sh builds the app first).
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Theory]
    [InlineData("RequestOrchestrator", "orchestrationTrigger")]
    [InlineData("HandleCommand", "activityTrigger")]
    [InlineData("CatchUp", "activityTrigger")]
    [InlineData("FindSlot", "activityTrigger")]
    [InlineData("CheckCandidates", "activityTrigger")]
    [InlineData("ReferenceImport", "orchestrationTrigger")]
    [InlineData("ApplyImportBatch", "activityTrigger")]
    [InlineData("KeepWarm", "timerTrigger")]
    [InlineData("RestartFailedRequests", "timerTrigger")]
    [InlineData("PurgeFinishedRequests", "timerTrigger")]
    [InlineData("SendManagerDigest", "timerTrigger")]
    [InlineData("NominationInvitation", "orchestrationTrigger")]
    [InlineData("SendNominationEmail", "activityTrigger")]
    [InlineData("SettleNomination", "activityTrigger")]
    public void TheAppDeclaresEveryWorkflowFunctionWithItsTrigger(string name, string trigger)
    {
        var function = FunctionsOutput.Functions().SingleOrDefault(f => f.GetProperty("name").GetString() == name);

        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function {name}.");
        var binding = Assert.Single(function.GetProperty("bindings").EnumerateArray());
        Assert.Equal(trigger, binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal("ReferenceFlow.Functions.dll", function.GetProperty("scriptFile").GetString());
    }

    [Fact]
    public void HostJsonRunsTheTaskHubOnAzureStorageWithTheMeasuredSettings()
    {
        using var host = FunctionsOutput.HostJson();
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var storage = durable.GetProperty("storageProvider");

        Assert.Equal("AzureStorage", storage.GetProperty("type").GetString());
        Assert.True(TimeSpan.Parse(storage.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(1));
        Assert.InRange(storage.GetProperty("partitionCount").GetInt32(), 1, 16);
        Assert.False(storage.GetProperty("useAppLease").GetBoolean());
        Assert.Equal("%ReferenceFlow__Engine__TaskHub%", durable.GetProperty("hubName").GetString());
    }

    [Theory]
    [InlineData("SubmitRequest", "post", "api/requests")]
    [InlineData("ListRequests", "get", "api/requests")]
    [InlineData("GetRequest", "get", "api/requests/{id}")]
    [InlineData("CancelRequest", "post", "api/requests/{id}/cancel")]
    [InlineData("DebriefRequest", "post", "api/requests/{id}/debrief")]
    [InlineData("ApproveRequestStep", "post", "api/requests/{id}/approve")]
    [InlineData("DeclineRequestStep", "post", "api/requests/{id}/decline")]
    [InlineData("AskNextCandidate", "post", "api/requests/{id}/next")]
    [InlineData("ExtendNeededBy", "post", "api/requests/{id}/extend")]
    [InlineData("RecordOutcome", "post", "api/opportunities/{crmId}/outcome")]
    [InlineData("PutReference", "put", "api/references/{referenceId}")]
    [InlineData("GetReference", "get", "api/references/{referenceId}")]
    [InlineData("ListReferences", "get", "api/references")]
    [InlineData("ImportReferences", "post", "api/references/import")]
    [InlineData("GetReferenceImport", "get", "api/references/imports/{id}")]
    [InlineData("GetCoverage", "get", "api/program/coverage")]
    [InlineData("GetFatigue", "get", "api/program/fatigue")]
    [InlineData("ListInsights", "get", "api/insights")]
    [InlineData("ActionLinkHead", "head", "actions/{token}")]
    [InlineData("ActionLinkView", "get", "actions/{token}")]
    [InlineData("ActionLinkAct", "post", "actions/{token}")]
    [InlineData("PreferencesHead", "head", "preferences/{token}")]
    [InlineData("PreferencesView", "get", "preferences/{token}")]
    [InlineData("PreferencesChange", "post", "preferences/{token}")]
    [InlineData("ProposeNomination", "post", "api/nominations")]
    [InlineData("ListNominations", "get", "api/nominations")]
    [InlineData("GetNomination", "get", "api/nominations/{id}")]
    [InlineData("ApproveNomination", "post", "api/nominations/{id}/approve")]
    [InlineData("DeclineNomination", "post", "api/nominations/{id}/decline")]
    [InlineData("InvitationHead", "head", "invitations/{token}")]
    [InlineData("InvitationView", "get", "invitations/{token}")]
    [InlineData("InvitationAnswer", "post", "invitations/{token}")]
    public void TheAppServesEveryRouteOfTheApiAndTheActionLinks(string name, string method, string route)
    {
        var function = FunctionsOutput.Functions().SingleOrDefault(f => f.GetProperty("name").GetString() == name);

        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function {name}.");
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings[0];
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        // The product signs callers in itself (API keys, Entra ID); a function key would be a second, unmanaged secret.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    [Fact]
    public void RoutesHaveNoPrefixSoPathsAreTheWebHostsOwn()
    {
        using var host = FunctionsOutput.HostJson();
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Storage.ReadModels;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Accounts and usage for the program's contracts: contacts with chosen activities and caps, and uses credited as the workflow credits them.</summary>
public static class ProgramDirectory
{
    public static JsonObject Contact(string id, int? cap, params string[] activities)
    {
        var body = Samples.Reference(contacts: [(id, $"{id}@program.example")]);
        var contact = body["contacts"]![0]!.AsObject();
        contact["activities"] = new JsonArray([.. activities.Select(a => (JsonNode)a)]);
        contact["maxCallsPerQuarter"] = cap;
        return (JsonObject)contact.DeepClone();
    }

    public static async Task PutAsync(HttpClient pm, string id, string industry, IEnumerable<JsonObject> contacts, string status = "Active", string[]? products = null, string[]? topics = null)
    {
        var body = Samples.Reference(industry: industry);
        body["account"] = $"Program {id}";
        body["status"] = status;
        body["contacts"] = new JsonArray([.. contacts]);
        if (products is not null) body["products"] = new JsonArray([.. products.Select(p => (JsonNode)p)]);
        if (topics is not null) body["contacts"]![0]!["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]);
        var response = await pm.PutAsJsonAsync($"/api/references/{id}", body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A call held a few minutes ago, credited to the contact as the workflow's usage projection does.</summary>
    public static Task UseAsync(IApiHost host, string referenceId, string contactId) =>
        host.Services.GetRequiredService<UsageWriter>().RecordAsync(
            new UsageRecord(referenceId, contactId, $"req-{referenceId}-{contactId}", "Call", DateTimeOffset.UtcNow.AddMinutes(-5), 0m), CancellationToken.None);

    /// <summary>Every row of a paged list, following its Link headers from <paramref name="first"/>; the pages' URLs too.</summary>
    public static async Task<(List<JsonObject> Rows, List<string> Pages)> AllPagesAsync(HttpClient client, string first)
    {
        var rows = new List<JsonObject>();
        var pages = new List<string>();
        for (string? next = first; next is not null;)
        {
            pages.Add(next);
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            rows.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.AsObject()));
            next = response.Headers.TryGetValues("Link", out var links) ? RequestsApiContract.NextLink(links.Single()) : null;
        }
        return (rows, pages);
    }
}

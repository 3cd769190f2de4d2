using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>Nomination bodies (api.md, "Nominations") and the calls the nomination contracts repeat.</summary>
public static class Nominations
{
    /// <summary>A new account's contact, with an address no other test uses.</summary>
    public static JsonObject New(string? email = null, string account = "Fabrikam Clinics")
    {
        var reference = Samples.Reference(contacts: [("nina", email ?? Email())]);
        reference["account"] = account;
        var contact = reference["contacts"]![0]!.AsObject();
        reference.Remove("contacts");
        contact.Remove("consentExpires");
        return new JsonObject
        {
            ["referenceId"] = null, ["account"] = reference, ["contact"] = contact.DeepClone(),
            ["source"] = "Survey", ["reason"] = "Gave us a 10 and offered to help.", ["quote"] = "It changed how our team works.",
        };
    }

    public static string Email() => $"nina.{Guid.NewGuid():N}@fabrikam.example";

    public static async Task<JsonObject> ProposeAsync(HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/nominations", body ?? New());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/nominations/{id}"))!;

    /// <summary>Polls the nomination until <paramref name="until"/> holds, within a bounded time.</summary>
    public static async Task<JsonObject> WaitAsync(HttpClient client, string id, Func<JsonObject, bool> until, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(until);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var nomination = await GetAsync(client, id);
            if (until(nomination)) return nomination;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nomination {id} stayed {nomination["state"]}: {nomination.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public static FormUrlEncodedContent Accept(string cap = "1", params string[] activities) => new(
        [KeyValuePair.Create("decision", "accept"), KeyValuePair.Create("topics", "migration, onboarding"), KeyValuePair.Create("maxCallsPerQuarter", cap),
         .. (activities.Length == 0 ? ["Call", "Quote"] : activities).Select(a => KeyValuePair.Create("activities", a))]);
}

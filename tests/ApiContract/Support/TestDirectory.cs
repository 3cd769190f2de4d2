using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReferenceFlow.ApiContract.Support;

/// <summary>A directory of matching references (Healthcare, FR), enough that every test of a class finds candidates.</summary>
public static class TestDirectory
{
    public static async Task SeedAsync(HttpClient pm, int accounts, string ownerEmail = "jane.csm@demo.local")
    {
        ArgumentNullException.ThrowIfNull(pm);
        for (var i = 0; i < accounts; i++)
        {
            var body = Samples.Reference(owner: ownerEmail, contacts: [.. Contacts(i)]);
            body["account"] = $"Reference {i}";
            var response = await pm.PutAsJsonAsync($"/api/references/ref{i}", body);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Every contact's email in a directory of <paramref name="accounts"/> accounts (calendar feeds are configured per email).</summary>
    public static IEnumerable<string> ContactEmails(int accounts) =>
        Enumerable.Range(0, accounts).SelectMany(i => Contacts(i).Select(c => c.Email));

    private static IEnumerable<(string Id, string Email)> Contacts(int account) =>
        new[] { "a", "b", "c" }.Select(letter => ($"{letter}{account}", $"{letter}{account}@ref{account}.example"));

    public static async Task<JsonObject> GetAsync(HttpClient client, string location)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetFromJsonAsync<JsonObject>(location))!;
    }

    /// <summary>Polls the request until <paramref name="until"/> holds, within a bounded time.</summary>
    public static async Task<JsonObject> WaitAsync(HttpClient client, string id, Func<JsonObject, bool> until, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(until);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var view = await GetAsync(client, $"/api/requests/{id}");
            if (until(view)) return view;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Request {id} stayed {view["state"]}: {view.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}

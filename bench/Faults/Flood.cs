using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// Malformed, oversized and hostile inputs across every endpoint and the CSV import, generated from the run's seed:
/// valid bodies with one field bent out of shape, bodies that are not JSON at all, huge and deeply nested ones, odd
/// ids and query strings, forged links. Each must get a clear 4xx; the product counts any 5xx but 503 as a failure.
/// </summary>
internal sealed class Flood(Product product, FaultPlan plan)
{
    private static readonly string[] Hostile =
    [
        "", " ", "null", "<script>alert(1)</script>", "'; DROP TABLE requests; --", "../../etc/passwd", "%00", "\u0000\u0001",
        "\ud83d\ude00\u202e", "{{7*7}}", "${jndi:ldap://x}", new string('x', 5000), "-1", "1e309", "NaN", "2026-13-45", "\\", "\"",
    ];

    public int Sent { get; private set; }

    public async Task RunAsync(int count)
    {
        var random = new Random(plan.Seed + 2);
        var makers = new Func<Random, Func<HttpRequestMessage>>[] { BentIntake, BentReference, NotJson, Huge, Deep, OddPath, OddQuery, BentCsv, ForgedLink, BentCommand, GuessedKey };
        var batch = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var make = makers[random.Next(makers.Length)](random);
            var key = random.Next(10) == 0 ? null : random.Next(2) == 0 ? Keys.ProgramManager : Keys.Rep;
            // A 429 is an answer here: the flood is the hostile caller the limits are for.
            batch.Add(product.SendAsync(make, key, patience: TimeSpan.FromMinutes(2), waitOutRateLimit: false));
            Sent++;
            if (batch.Count == 10)
            {
                await Task.WhenAll(batch);
                batch.Clear();
            }
        }
        await Task.WhenAll(batch);
    }

    private static Func<HttpRequestMessage> BentIntake(Random random)
    {
        var body = Bend(Samples.Intake($"OPP-FLOOD-{random.Next(100000)}"), random);
        return () => Json(HttpMethod.Post, "api/requests", body);
    }

    private static Func<HttpRequestMessage> BentReference(Random random)
    {
        var reference = Samples.Reference(contacts: [("x", "x@flood.example")]);
        // Paused, so a flood reference that happens to be valid never becomes a candidate of a scripted request.
        reference["contacts"]![0]!["pausedUntil"] = "2099-01-01";
        var body = Bend(reference, random);
        var id = random.Next(3) == 0 ? Uri.EscapeDataString(Pick(Hostile, random)) : $"flood{random.Next(50)}";
        return () => Json(HttpMethod.Put, $"api/references/{id}", body);
    }

    private static Func<HttpRequestMessage> BentCommand(Random random)
    {
        var paths = new[] { "api/requests/{0}/debrief", "api/requests/{0}/cancel", "api/opportunities/{0}/outcome", "api/nominations" };
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(paths, random), Uri.EscapeDataString(Pick(Hostile, random) is { Length: > 0 } s ? s : "x"));
        var body = new JsonObject { ["happened"] = Value(random), ["metNeeds"] = Value(random), ["outcome"] = Value(random), ["concerns"] = Value(random), ["gift"] = Value(random) };
        return () => Json(HttpMethod.Post, path, body);
    }

    private static Func<HttpRequestMessage> NotJson(Random random)
    {
        var path = Pick(["api/requests", "api/references/flood1", "api/requests/x/debrief", "api/opportunities/OPP-1/outcome"], random);
        var text = Pick(["{", "[1,2", "{\"a\":}", "\u00ff\u00fe", "<xml/>", "a=b&c=d", "{\"opportunity\": 5}"], random);
        var method = path.StartsWith("api/references", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post;
        var type = Pick(["application/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-7"], random);
        return () => new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, MediaTypeHeaderValue.Parse(type)) };
    }

    /// <summary>Bodies past the 64 KiB limit, some of them valid JSON: 413, read no further.</summary>
    private static Func<HttpRequestMessage> Huge(Random random)
    {
        var size = 70_000 + random.Next(200_000);
        var intake = Samples.Intake("OPP-HUGE");
        intake["commitment"] = new string('a', size);
        return () => Json(HttpMethod.Post, Pick(["api/requests", "api/references/import"], random), intake);
    }

    private static Func<HttpRequestMessage> Deep(Random random)
    {
        var depth = 100 + random.Next(2000);
        var text = new string('[', depth) + new string(']', depth);
        return () => new HttpRequestMessage(HttpMethod.Post, "api/requests") { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }

    private static Func<HttpRequestMessage> OddPath(Random random)
    {
        var id = Uri.EscapeDataString(Pick(Hostile, random) is { Length: > 0 } s ? s : "%");
        var path = Pick(["api/requests/{0}", "api/references/{0}", "api/references/imports/{0}", "requests/{0}", "references/{0}", "preferences/{0}"], random);
        return () => new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));
    }

    private static Func<HttpRequestMessage> OddQuery(Random random)
    {
        var value = Uri.EscapeDataString(Pick(Hostile, random));
        var query = Pick([
            "api/requests?pageSize={0}", "api/requests?continuation={0}", "api/requests?state={0}&mine={0}", "api/references?level={0}",
            "api/references?usage={0}&pageSize=5", "api/references?continuation={0}", "api/program/fatigue?pageSize={0}", "api/program/coverage?x={0}",
            "references?q={0}", "requests?state={0}",
        ], random);
        return () => new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, query, value));
    }

    private static Func<HttpRequestMessage> BentCsv(Random random)
    {
        var csv = new StringBuilder("referenceId,account,industry,employees,country,contactId,name,email,maxCallsPerQuarter\n");
        var rows = 1 + random.Next(30);
        for (var i = 0; i < rows; i++)
        {
            csv.Append(string.Join(',', Enumerable.Range(0, 1 + random.Next(12)).Select(_ => random.Next(4) == 0 ? "\"" + Pick(Hostile, random) : Pick(Hostile, random)))).Append('\n');
        }
        var text = csv.ToString();
        return () => new HttpRequestMessage(HttpMethod.Post, "api/references/import") { Content = new StringContent(text, Encoding.UTF8, "text/csv") };
    }

    private static Func<HttpRequestMessage> ForgedLink(Random random)
    {
        var token = Uri.EscapeDataString(Convert.ToBase64String(Enumerable.Range(0, 10 + random.Next(200)).Select(_ => (byte)random.Next(256)).ToArray()));
        var path = Pick(["actions/{0}", "preferences/{0}"], random);
        var form = new Dictionary<string, string> { ["decision"] = Pick(["approve", "accept", "decline", Pick(Hostile, random)], random), ["reason"] = Pick(Hostile, random) };
        var method = Pick([HttpMethod.Get, HttpMethod.Head, HttpMethod.Post], random);
        return () => new HttpRequestMessage(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, token))
        {
            Content = method == HttpMethod.Post ? new FormUrlEncodedContent(form) : null,
        };
    }

    /// <summary>An API key guessed: 401, and past the failed sign-ins' burst for this address, 429.</summary>
    private static Func<HttpRequestMessage> GuessedKey(Random random)
    {
        var guess = Pick(Hostile, random) is { Length: > 0 and < 100 } hostile && hostile.All(c => c is > ' ' and < '\u007f') ? hostile : $"guess-{random.Next()}";
        return () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "api/requests");
            request.Headers.TryAddWithoutValidation("X-Api-Key", guess);
            return request;
        };
    }

    /// <summary>A valid body with one field replaced by a hostile value, removed, or given the wrong type.</summary>
    private static JsonObject Bend(JsonObject body, Random random)
    {
        var parent = body;
        while (true)
        {
            var key = parent.Select(p => p.Key).ElementAt(random.Next(parent.Count));
            if (parent[key] is JsonObject child && random.Next(2) == 0)
            {
                parent = child;
                continue;
            }
            switch (random.Next(3))
            {
                case 0: parent.Remove(key); break;
                default: parent[key] = Value(random); break;
            }
            return body;
        }
    }

    private static JsonNode? Value(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0 ? -random.Next() : random.Next()),
        2 => new JsonArray(JsonValue.Create(Pick(Hostile, random)), null, JsonValue.Create(3.5)),
        3 => new JsonObject { ["nested"] = Pick(Hostile, random) },
        4 => JsonValue.Create(random.Next(2) == 0),
        _ => JsonValue.Create(Pick(Hostile, random)),
    };

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}

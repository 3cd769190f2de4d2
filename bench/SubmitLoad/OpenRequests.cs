using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferenceFlow.ApiContract.Support;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>
/// Open requests parked in the program before a measurement: submitted through the API like any other, each spread to a
/// part of the directory of its own so that it holds a contact, then left waiting on its owner (the reminder is a day away).
/// </summary>
internal static class OpenRequests
{
    // Parked requests never ask for Healthcare: the measured submissions do, so their rankings meet no parked hold and
    // time the same work whatever the number parked. The other 7 industries × 10 countries × 5 seniorities × 3 personas
    // spread the parked ones over about a thousand parts of the directory, a few each. Their holds can still rank first
    // for a measured prospect that shares country, seniority or persona (bench/README: a ranking gives up at 1,000 open).
    private static readonly string[] Industries = ["Insurance", "Retail", "Banking", "Manufacturing", "Energy", "Telecom", "Public sector"];
    private static readonly string[] Countries = ["FR", "DE", "GB", "US", "ES", "IT", "NL", "SE", "CA", "JP"];
    private static readonly string[] Seniorities = ["IC", "Manager", "Director", "VP", "CLevel"];
    private static readonly string[] Personas = ["Business", "Technical", "Executive"];

    /// <summary>The <paramref name="n"/>th parked request's intake: the sample bent to its own part of the directory.</summary>
    public static JsonObject Intake(string crmId, int n)
    {
        var intake = Samples.Intake(crmId);
        var prospect = (JsonObject)intake["prospect"]!;
        prospect["industry"] = Industries[n % Industries.Length];
        prospect["country"] = Countries[n / Industries.Length % Countries.Length];
        prospect["seniority"] = Seniorities[n / (Industries.Length * Countries.Length) % Seniorities.Length];
        prospect["persona"] = Personas[n / (Industries.Length * Countries.Length * Seniorities.Length) % Personas.Length];
        return intake;
    }

    /// <summary>
    /// Submits requests <paramref name="from"/>..<paramref name="to"/>−1, <paramref name="concurrency"/> at a time, with a
    /// progress line every 500; returns their ids.
    /// </summary>
    public static async Task<List<string>> ParkAsync(IReadOnlyList<HttpClient> reps, string prefix, int from, int to, int concurrency)
    {
        var ids = new List<string>();
        var next = from;
        var window = Stopwatch.StartNew();
        var windowStart = from;
        var gate = new Lock();
        async Task WorkerAsync()
        {
            while (true)
            {
                int n;
                lock (gate)
                {
                    if (next >= to) return;
                    n = next++;
                }
                using var response = await reps[n % reps.Count].PostAsJsonAsync("/api/requests", Intake($"OPP-OPEN-{prefix}-{n}", n));
                response.EnsureSuccessStatusCode();
                var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
                lock (gate)
                {
                    ids.Add(id);
                    var done = from + ids.Count;
                    if (done % 500 == 0 || done == to)
                    {
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  parked {done:N0} of {to:N0} ({(done - windowStart) / window.Elapsed.TotalSeconds:N1} per s over the last {done - windowStart:N0})"));
                        windowStart = done;
                        window.Restart();
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkerAsync()));
        return ids;
    }
}

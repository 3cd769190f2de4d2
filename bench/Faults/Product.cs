using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Bench.Faults;

/// <summary>An answer from the product, after any retries an outage made necessary.</summary>
internal sealed record Answer(HttpStatusCode Status, string Body, bool Retried, string? Next = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>One command's latency as its caller lived it, retries included.</summary>
/// <summary>One command's time from first try to answer; <paramref name="WaitedOutRateLimit"/> when a 429 made it wait and ask again.</summary>
internal sealed record Timing(double Milliseconds, bool DuringFault, bool WaitedOutRateLimit = false);

/// <summary>
/// The product as its users reach it: whichever host is up, over real HTTP. An outage (connection refused, a host
/// dying mid-answer, 503) is waited out and the call made again, as a browser's user or a CRM retrying would; any
/// other 5xx is a failure of the product and is counted, never retried. A 429 is waited out for its Retry-After.
/// </summary>
internal sealed partial class Product(Rig rig, FaultLog faults) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    }) { Timeout = TimeSpan.FromSeconds(60) };

    private readonly ConcurrentQueue<string> _serverErrors = new();
    private int _outageAnswers;
    private int _outageAnswersWithoutRetryAfter;
    private int _rateLimited;
    private int _rateLimitedWithoutRetryAfter;

    public ConcurrentQueue<Timing> Commands { get; } = new();

    public IReadOnlyList<string> ServerErrors => _serverErrors.ToList();

    /// <summary>503 answers during outages, and how many of them lacked Retry-After.</summary>
    public (int Answers, int WithoutRetryAfter) OutageAnswers => (_outageAnswers, _outageAnswersWithoutRetryAfter);

    /// <summary>429 answers of the rate limits (the flood's link pages all come from one address), and how many lacked Retry-After.</summary>
    public (int Answers, int WithoutRetryAfter) RateLimited => (_rateLimited, _rateLimitedWithoutRetryAfter);

    /// <summary>Sends until the product answers (not an outage) or <paramref name="patience"/> runs out (then throws).</summary>
    public async Task<Answer> SendAsync(Func<HttpRequestMessage> make, string? apiKey = null, bool command = false, TimeSpan? patience = null, bool waitOutRateLimit = true)
    {
        var clock = Stopwatch.StartNew();
        var duringFault = faults.Active;
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(3));
        var retried = false;
        var waitedOutRateLimit = false;
        while (true)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The product did not answer within the caller's patience.");
            var host = rig.Live.OrderBy(_ => Random.Shared.Next()).FirstOrDefault();
            if (host is null)
            {
                retried = true;
                await Task.Delay(250);
                continue;
            }
            using var request = make();
            request.RequestUri = new Uri(host.BaseAddress, request.RequestUri!);
            if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                retried = true; // the host died or is restarting
                await Task.Delay(300);
                continue;
            }
            using (response)
            {
                var body = await ReadAsync(response);
                duringFault |= faults.Active;
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _outageAnswers);
                    if (response.Headers.RetryAfter is null) Interlocked.Increment(ref _outageAnswersWithoutRetryAfter);
                    retried = true;
                    await Task.Delay(response.Headers.RetryAfter?.Delta is { } delta && delta < TimeSpan.FromSeconds(2) ? delta : TimeSpan.FromSeconds(1));
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref _rateLimited);
                    if (response.Headers.RetryAfter is null) Interlocked.Increment(ref _rateLimitedWithoutRetryAfter);
                    // A caller over its rate waits as told and asks again, as a well-behaved client does. Not a retry
                    // in the outage sense: a 429 is answered before anything is done, so the next answer is the first.
                    if (waitOutRateLimit)
                    {
                        waitedOutRateLimit = true;
                        await Task.Delay(response.Headers.RetryAfter?.Delta is { } wait && wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(1));
                        continue;
                    }
                }
                if ((int)response.StatusCode >= 500)
                {
                    _serverErrors.Enqueue($"{(int)response.StatusCode} {request.Method} {Excerpt(request.RequestUri!.PathAndQuery)}: {Excerpt(body)}");
                }
                if (command) Commands.Enqueue(new Timing(clock.Elapsed.TotalMilliseconds, duringFault, waitedOutRateLimit));
                return new Answer(response.StatusCode, body, retried, NextPage(response));
            }
        }
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return "";
        }
    }

    /// <summary>The next page's path from an RFC 8288 <c>Link: &lt;…&gt;; rel="next"</c> header.</summary>
    private static string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links)) return null;
        var match = links.Select(l => NextLink().Match(l)).FirstOrDefault(m => m.Success);
        if (match is null) return null;
        var target = match.Groups[1].Value;
        return (Uri.TryCreate(target, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : target).TrimStart('/');
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"?next\"?")]
    private static partial Regex NextLink();

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "…" : text;

    public void Dispose() => _http.Dispose();
}

using System.Net;
using ReferenceFlow.TestSupport;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.Browser;

/// <summary>
/// The app on Kestrel (a browser cannot reach TestServer) on a free 127.0.0.1 port, against the shared
/// Azurite with its own prefix and a private pickup outbox. Email links point back at this port.
/// </summary>
public sealed class BrowserApp : ReferenceFlowFactory
{
    private BrowserApp(int port) : base(new Dictionary<string, string?>
    {
        ["ReferenceFlow:Actions:BaseUrl"] = $"http://127.0.0.1:{port}",
        // Short policies: nothing in the journey waits on a timer, and a near need-by date is not rushed.
        ["ReferenceFlow:Policy:MinimumLeadTime"] = "1.00:00:00",
        ["ReferenceFlow:Policy:SlotWindow"] = "2.00:00:00",
        // Every browser test signs in from 127.0.0.1, some as several people in turn: at the product's 20 at once and one
        // more every 5 s, a busy run's sign-ins drained the bucket and a sign-in was answered 429, left on /signin (seen in
        // a CI rehearsal). RateLimitsContract tests the limit itself.
        ["ReferenceFlow:RateLimits:FailedSignIns:Burst"] = "1000",
    })
    {
        Port = port;
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The JSON API as the holder of <paramref name="apiKey"/>, over the same port the browser uses.</summary>
    public HttpClient ApiClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static BrowserApp Start()
    {
        var app = new BrowserApp(FreePort.Next());
        app.StartServer();
        return app;
    }
}

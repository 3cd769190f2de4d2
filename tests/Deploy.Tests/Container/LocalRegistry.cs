using System.Net;
using System.Text.RegularExpressions;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>
/// The pull side of the OCI distribution API on a loopback port (GET /v2/, manifests, blobs),
/// enough for the SDK's container build to use a base image from it.
/// </summary>
public sealed partial class LocalRegistry : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, OciBlob> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OciBlob> _blobs = new(StringComparer.Ordinal);
    private readonly Task _serving;

    public LocalRegistry()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>How the SDK names this registry; "localhost" is what it allows over plain HTTP.</summary>
    public string Host => $"localhost:{Port}";

    public List<string> Requests { get; } = [];

    public void Add(string repository, string tag, OciBlob manifest, IEnumerable<OciBlob> blobs)
    {
        _manifests[$"{repository}:{tag}"] = manifest;
        _manifests[$"{repository}:{manifest.Digest}"] = manifest;
        foreach (var blob in blobs)
        {
            _blobs[blob.Digest] = blob;
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        lock (Requests)
        {
            Requests.Add($"{request.HttpMethod} {path}");
        }
        using var response = context.Response;
        OciBlob? found = null;
        if (path is "/v2/" or "/v2")
        {
            response.StatusCode = 200;
            return;
        }
        var match = Route().Match(path);
        if (match.Success && match.Groups["kind"].Value == "manifests")
        {
            _manifests.TryGetValue($"{match.Groups["name"].Value}:{match.Groups["reference"].Value}", out found);
        }
        else if (match.Success)
        {
            _blobs.TryGetValue(match.Groups["reference"].Value, out found);
        }
        if (found is null || request.HttpMethod is not ("GET" or "HEAD"))
        {
            response.StatusCode = found is null ? 404 : 405;
            return;
        }
        response.StatusCode = 200;
        response.ContentType = found.MediaType;
        response.Headers["Docker-Content-Digest"] = found.Digest;
        response.ContentLength64 = found.Content.Length;
        if (request.HttpMethod == "GET")
        {
            try
            {
                response.OutputStream.Write(found.Content);
            }
            catch (HttpListenerException)
            {
                // The client went away mid-blob; it will ask again.
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    [GeneratedRegex("^/v2/(?<name>.+)/(?<kind>manifests|blobs)/(?<reference>[^/]+)$")]
    private static partial Regex Route();
}

using System.Net;
using System.Text;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Calendar.Tests;

/// <summary>A local HTTP listener that answers with queued canned responses and records what it was asked.</summary>
public sealed class ReplayServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers)> _responses = new();
    private readonly Task _loop;

    public ReplayServer()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public List<RecordedRequest> Requests { get; } = [];

    public void Enqueue(int status, string body, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        lock (_responses)
        {
            _responses.Enqueue((status, body, contentType, headers ?? new Dictionary<string, string>()));
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped, possibly between the IsListening check and the wait (InvalidOperationException).
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                    context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase), body, DateTime.UtcNow,
                    Uri.UnescapeDataString(context.Request.Url!.Query)));
            }
            (int Status, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers) response;
            lock (_responses)
            {
                response = _responses.Count > 0 ? _responses.Dequeue() : (500, "{\"error\":\"no response queued\"}", "application/json", new Dictionary<string, string>());
            }
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTime At, string Query = "");

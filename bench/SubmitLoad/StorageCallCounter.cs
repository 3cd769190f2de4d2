using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ReferenceFlow.Bench.SubmitLoad;

/// <summary>
/// Counts the storage calls the host makes: a loopback proxy in front of each storage service (blob, queue, table), given
/// to the host as its connection string, that forwards every byte unchanged and counts each HTTP request it passes on (a
/// table transaction is one). Shared-key signatures cover the account and path, not the port, so the proxy needs no key.
/// The host runs in its own process, so this is how the bench learns what a submission costs in calls.
/// </summary>
internal sealed class StorageCallCounter : IAsyncDisposable
{
    // The well-known key of the storage emulator (public, the same on every machine): "UseDevelopmentStorage=true" spelled out.
    private const string DevelopmentAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private long _calls;
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);

    /// <summary>The connection string that sends the host's calls through the counter.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Every HTTP request passed on to storage so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The calls so far by kind: method, table, queue or container, and whether a point read, a query or a transaction.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    /// <summary>
    /// Starts a proxy for each endpoint of <paramref name="connectionString"/>: Azurite, by its development shorthand or with
    /// its endpoints spelled out. Null for storage reached over TLS (an account), whose calls a proxy cannot tell apart.
    /// </summary>
    public static StorageCallCounter? TryStart(string connectionString)
    {
        var pairs = (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ? DevelopmentAccount : connectionString)
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var counter = new StorageCallCounter();
        foreach (var (service, name) in new[] { ("blob", "BlobEndpoint"), ("queue", "QueueEndpoint"), ("table", "TableEndpoint") })
        {
            if (!pairs.TryGetValue(name, out var endpoint) || new Uri(endpoint) is not { Scheme: "http" } target)
            {
                counter._stop.Cancel();
                foreach (var started in counter._listeners) started.Stop();
                return null;
            }
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            counter._listeners.Add(listener);
            _ = counter.ServeAsync(listener, target.Host, target.Port);
            pairs[name] = new UriBuilder(target) { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port }.Uri.ToString().TrimEnd('/');
        }
        counter.ConnectionString = string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) + ";";
        return counter;
    }

    private async Task ServeAsync(TcpListener listener, string host, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client, host, port);
        }
    }

    private async Task RelayAsync(TcpClient client, string host, int port)
    {
        using (client)
        using (var server = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(host, port, _stop.Token);
                var requests = new RequestCounter(requestLine =>
                {
                    Interlocked.Increment(ref _calls);
                    _byKind.AddOrUpdate(Kind(requestLine), 1, (_, n) => n + 1);
                });
                var up = CopyAsync(client.GetStream(), server.GetStream(), requests);
                var down = CopyAsync(server.GetStream(), client.GetStream(), null);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A connection closed by either side, or the run ending.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, RequestCounter? requests)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            requests?.Feed(buffer.AsSpan(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
        to.Socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>
    /// "GET summaries (point)" from "GET /devstoreaccount1/rf1a2b3csummaries(PartitionKey='…',RowKey='…') HTTP/1.1": the
    /// resource without its keys, a run's prefix and a queue's partition number.
    /// </summary>
    private static string Kind(string requestLine)
    {
        var parts = requestLine.Split(' ');
        if (parts.Length < 2) return "?";
        var path = parts[1];
        var q = path.IndexOf('?', StringComparison.Ordinal);
        var query = q >= 0 ? path[q..] : "";
        var segments = (q >= 0 ? path[..q] : path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "(account)";
        var kind = resource.Contains("(PartitionKey=", StringComparison.Ordinal) ? " (point)"
            : query.Contains("filter", StringComparison.OrdinalIgnoreCase) ? " (query)"
            : segments.Length > 2 ? $"/{segments[2]}" : "";
        var name = resource.Split('(')[0];
        var dash = name.LastIndexOf('-');
        if (dash > 0 && dash < name.Length - 1 && name[(dash + 1)..].All(char.IsAsciiDigit)) name = name[..dash];
        return $"{parts[0]} {name}{kind}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners) listener.Stop();
        _stop.Dispose();
    }

    /// <summary>Finds where each HTTP/1.1 request on a connection begins: its header block, then Content-Length bytes of body.</summary>
    private sealed class RequestCounter(Action<string> started)
    {
        private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;
        private readonly List<byte> _header = [];
        private long _bodyLeft;

        public void Feed(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                if (_bodyLeft > 0)
                {
                    var skipped = (int)Math.Min(_bodyLeft, data.Length);
                    _bodyLeft -= skipped;
                    data = data[skipped..];
                    continue;
                }
                var end = EndOfHeader(data);
                if (end < 0)
                {
                    _header.AddRange(data);
                    return;
                }
                _header.AddRange(data[..end]);
                data = data[end..];
                var header = Encoding.ASCII.GetString(CollectionsMarshal.AsSpan(_header));
                started(header[..Math.Max(0, header.IndexOf("\r\n", StringComparison.Ordinal))]);
                _bodyLeft = ContentLength(header);
                _header.Clear();
            }
        }

        /// <summary>Where the header block ends in <paramref name="data"/> (just past its blank line), counting a blank line split across reads; -1 when not in it.</summary>
        private int EndOfHeader(ReadOnlySpan<byte> data)
        {
            var held = CollectionsMarshal.AsSpan(_header);
            for (var carried = Math.Min(3, held.Length); carried > 0; carried--)
            {
                if (held[^carried..].SequenceEqual(HeaderEnd[..carried]) && data.StartsWith(HeaderEnd[carried..])) return 4 - carried;
            }
            var at = data.IndexOf(HeaderEnd);
            return at < 0 ? -1 : at + 4;
        }

        private static long ContentLength(string header)
        {
            foreach (var line in header.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) return long.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return 0;
        }
    }
}

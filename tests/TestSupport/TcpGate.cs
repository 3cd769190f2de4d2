using System.Net;
using System.Net.Sockets;

namespace ReferenceFlow.TestSupport;

/// <summary>
/// A TCP forwarder on a free loopback port that a test can close (new connections are refused, open ones
/// cut) and open again: a server that goes away and comes back, without losing what it already holds.
/// </summary>
public sealed class TcpGate(int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private volatile byte[]? _refusal;

    public int Port { get; } = FreePort.Next();

    public void Open()
    {
        _refusal = null;
        if (_listener is not null) return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Close()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    /// <summary>
    /// Accepts new connections only to answer <paramref name="line"/> and hang up (an SMTP server saying
    /// <c>421 try again later</c>); connections already open go on. <see cref="Open"/> forwards again.
    /// </summary>
    public void AnswerAndHangUp(string line)
    {
        Open();
        _refusal = System.Text.Encoding.ASCII.GetBytes(line + "\r\n");
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = _refusal is { } refusal ? RefuseAsync(inbound, refusal, ct) : ForwardAsync(inbound, ct);
        }
    }

    private static async Task RefuseAsync(TcpClient inbound, byte[] line, CancellationToken ct)
    {
        using (inbound)
        {
            try
            {
                await inbound.GetStream().WriteAsync(line, ct);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up first.
            }
        }
    }

    private async Task ForwardAsync(TcpClient inbound, CancellationToken ct)
    {
        using var outbound = new TcpClient();
        lock (_open) _open.Add(inbound);
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, targetPort, ct);
            lock (_open) _open.Add(outbound);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), ct);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), ct);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Cut by Close(), or the other side went away.
        }
        finally
        {
            inbound.Dispose();
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReferenceFlow.Email.Tests.Sending;

/// <summary>
/// A tiny SMTP endpoint for failure cases maildev cannot produce: the first <c>refusals</c> connections get a
/// 421 greeting, later ones are piped to a real server; or every MAIL FROM is answered with a 550.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _refusals;
    private readonly int? _relayPort;
    private readonly bool _auth;
    private readonly Task _loop;

    private ScriptedSmtpServer(int refusals, int? relayPort, bool auth = false)
    {
        _refusals = refusals;
        _relayPort = relayPort;
        _auth = auth;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections { get; private set; }

    /// <summary>The decoded SASL response of the last AUTH command, when <see cref="RefusingCredentials"/>.</summary>
    public string? LastAuth { get; private set; }

    /// <summary>Answers 421 to the first <paramref name="refusals"/> connections, then relays to <paramref name="relayPort"/>.</summary>
    public static ScriptedSmtpServer Flaky(int refusals, int relayPort) => new(refusals, relayPort);

    /// <summary>The address a rejection names, as real servers' rejections often do.</summary>
    public const string RejectedAddress = "jane.doe@contoso.example";

    /// <summary>Accepts the greeting, then rejects the sender with 550 5.7.1, naming <see cref="RejectedAddress"/>.</summary>
    public static ScriptedSmtpServer Rejecting() => new(0, null);

    /// <summary>Advertises AUTH PLAIN LOGIN XOAUTH2, records what the client sent and refuses it with 535.</summary>
    public static ScriptedSmtpServer RefusingCredentials() => new(0, null, auth: true);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Connections++;
            _ = HandleAsync(client, Connections);
        }
    }

    private async Task HandleAsync(TcpClient client, int number)
    {
        using var _ = client;
        var stream = client.GetStream();
        if (number <= _refusals)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("421 4.3.2 Service not available, try later\r\n"));
            return;
        }
        if (_relayPort is { } port)
        {
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, port);
            var other = upstream.GetStream();
            await Task.WhenAny(stream.CopyToAsync(other), other.CopyToAsync(stream));
            return;
        }
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 scripted ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "AUTH" && _auth)
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    await writer.WriteLineAsync("334 ");
                    parts = [.. parts, await reader.ReadLineAsync() ?? ""];
                }
                LastAuth = $"{parts[1]} {Encoding.UTF8.GetString(Convert.FromBase64String(parts[2]))}";
                await writer.WriteLineAsync("535 5.7.3 Authentication unsuccessful");
                continue;
            }
            await writer.WriteLineAsync(verb switch
            {
                "EHLO" when _auth => "250-scripted\r\n250 AUTH PLAIN LOGIN XOAUTH2",
                "EHLO" or "HELO" => "250 scripted",
                "MAIL" => "550 5.7.1 Sender not allowed to reach " + RejectedAddress,
                "QUIT" => "221 bye",
                _ => "250 ok",
            });
            if (verb == "QUIT")
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ReferenceFlow.TestSupport;

/// <summary>
/// A private maildev (real SMTP server + REST API) on free ports, started from node_modules.
/// The API lists messages at <c>GET /api/email</c> and serves the raw RFC 5322 text at <c>GET /api/email/{id}/download</c>.
/// </summary>
public sealed class MailDevInstance : IAsyncDisposable
{
    private readonly HttpClient _http;
    private Process? _process;

    public MailDevInstance()
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; } = FreePort.Next();

    public int WebPort { get; } = FreePort.Next();

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(RepoRoot.Bin("maildev"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("maildev did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(SmtpPort, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilListeningAsync(WebPort, TimeSpan.FromSeconds(30));
    }

    public async Task<IReadOnlyList<MailDevEmail>> ListAsync() =>
        await _http.GetFromJsonAsync<List<MailDevEmail>>("api/email") ?? [];

    /// <summary>The raw RFC 5322 text of one message.</summary>
    public Task<byte[]> RawAsync(string id) => _http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(id)}/download");

    /// <summary>Waits until a message whose subject contains <paramref name="subjectPart"/> arrived, then returns its raw bytes.</summary>
    public async Task<byte[]> WaitForRawAsync(string subjectPart, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var match = (await ListAsync()).FirstOrDefault(m => m.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true);
            if (match is not null)
            {
                return await _http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(match.Id)}/download");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email with subject containing '{subjectPart}' reached maildev.");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _http.Dispose();
    }
}

public sealed record MailDevEmail([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("subject")] string? Subject);

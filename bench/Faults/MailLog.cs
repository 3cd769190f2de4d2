using System.Collections.Concurrent;
using MimeKit;
using ReferenceFlow.ApiContract.Support;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Bench.Faults;

/// <summary>One message as maildev received it.</summary>
internal sealed record Delivered(string MessageId, string? RequestId, string? Kind, IReadOnlyList<string> Recipients, string? ActionToken, DateTimeOffset SeenAt);

/// <summary>
/// Everything the product sent, as the SMTP server received it: maildev's list read once a second, each new
/// message downloaded once and parsed. Messages are indexed by request, so a script finds its link at once.
/// </summary>
internal sealed class MailLog(MailDevInstance mail) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Delivered> _byMaildevId = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Delivered>> _byRequest = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _polling;

    public void Start() => _polling = PollAsync(_stop.Token);

    public IReadOnlyCollection<Delivered> All => _byMaildevId.Values.ToList();

    public IReadOnlyList<Delivered> For(string requestId) =>
        _byRequest.TryGetValue(requestId, out var messages) ? messages.ToList() : [];

    /// <summary>Reads whatever arrived since the last look; the final count calls this after the product went quiet.</summary>
    public async Task CatchUpAsync()
    {
        foreach (var listed in await mail.ListAsync())
        {
            if (_byMaildevId.ContainsKey(listed.Id)) continue;
            using var raw = new MemoryStream(await mail.RawAsync(listed.Id));
            var message = await MimeMessage.LoadAsync(raw);
            var requestId = message.Headers["X-ReferenceFlow-Request"];
            var kind = message.Headers["X-ReferenceFlow-Kind"];
            var delivered = new Delivered(
                message.MessageId ?? listed.Id, requestId, kind,
                message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address.ToLowerInvariant()).ToList(),
                kind is "OwnerApproval" or "ReferenceConsent" ? Outbox.ActionToken(message) : null,
                DateTimeOffset.UtcNow);
            if (!_byMaildevId.TryAdd(listed.Id, delivered)) continue;
            if (requestId is not null) _byRequest.GetOrAdd(requestId, _ => new()).Enqueue(delivered);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // maildev busy for a moment: the next look reads it.
            }
            try
            {
                await Task.Delay(1000, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null) await _polling;
        _stop.Dispose();
    }
}

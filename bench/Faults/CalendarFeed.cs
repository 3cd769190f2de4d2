using System.Globalization;
using System.Net;
using System.Text;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Bench.Faults;

/// <summary>
/// Every reference's ICS free/busy feed, served over real HTTP: one meeting tomorrow, the rest free. While
/// <see cref="Mode"/> says so it answers 429 with Retry-After, or 503, as a throttled or failing provider does.
/// </summary>
internal sealed class CalendarFeed : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _failures;

    public CalendarFeed()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    private volatile CalendarMode _mode = CalendarMode.Answering;

    public CalendarMode Mode { get => _mode; set => _mode = value; }

    /// <summary>Answers the feed refused (429 or 5xx).</summary>
    public int Failures => Volatile.Read(ref _failures);

    public Uri FeedOf(string email) => new($"http://127.0.0.1:{Port}/feeds/{Uri.EscapeDataString(email)}.ics");

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            switch (_mode)
            {
                case CalendarMode.Throttling:
                    Interlocked.Increment(ref _failures);
                    response.StatusCode = 429;
                    response.Headers["Retry-After"] = "2";
                    break;
                case CalendarMode.Failing:
                    Interlocked.Increment(ref _failures);
                    response.StatusCode = 503;
                    break;
                default:
                    var body = Encoding.UTF8.GetBytes(Feed(DateTime.UtcNow.Date.AddDays(1).AddHours(10)));
                    response.ContentType = "text/calendar";
                    await response.OutputStream.WriteAsync(body);
                    break;
            }
        }
    }

    private static string Feed(DateTime meeting) =>
        string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ReferenceFlow//Fault suite//EN",
            "BEGIN:VEVENT", "UID:standup@faults", $"DTSTAMP:{Stamp(meeting.AddDays(-2))}",
            $"DTSTART:{Stamp(meeting)}", $"DTEND:{Stamp(meeting.AddHours(1))}", "SUMMARY:Team meeting", "END:VEVENT",
            "END:VCALENDAR", "");

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}

internal enum CalendarMode
{
    Answering,
    Throttling,
    Failing,
}

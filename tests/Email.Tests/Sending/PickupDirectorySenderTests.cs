using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email.Tests.Sending;

public sealed class PickupDirectorySenderTests : IDisposable
{
    private readonly EmailOptions _options = Samples.EmailOptions();
    private readonly FakeTimeProvider _time = new(Samples.Now);

    public void Dispose()
    {
        if (Directory.Exists(_options.PickupDirectory))
        {
            Directory.Delete(_options.PickupDirectory, recursive: true);
        }
    }

    private PickupDirectorySender Sender() => new(Options.Create(_options), _time, NullLogger<PickupDirectorySender>.Instance);

    private MimeMessage Render(string effectId) =>
        Samples.Renderer(_options).Render(Samples.Introduction(), effectId);

    [Fact]
    public async Task AMessageBecomesAnEmlFileThatParsesBackWithItsHeadersAndInvitation()
    {
        await Sender().SendAsync(Render("effect-1"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_options.PickupDirectory));
        Assert.Matches(@"^\d{19}-Introduction-[0-9a-f]{32}\.eml$", Path.GetFileName(file));
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("Introduction", parsed.Headers["X-ReferenceFlow-Kind"]);
        Assert.Equal("req-42", parsed.Headers["X-ReferenceFlow-Request"]);
        Assert.NotNull(parsed.TextBody);
        Assert.NotNull(parsed.HtmlBody);
        Assert.Contains(parsed.BodyParts, p => p.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task TheSameMessageIdIsWrittenOnlyOnce()
    {
        await Sender().SendAsync(Render("effect-1"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Sender().SendAsync(Render("effect-1"), CancellationToken.None);

        Assert.Single(Directory.GetFiles(_options.PickupDirectory));
    }

    [Fact]
    public async Task FileNamesSortOldestFirstAndNoTemporaryFileStaysBehind()
    {
        foreach (var effect in new[] { "effect-c", "effect-a", "effect-b" })
        {
            await Sender().SendAsync(Render(effect), CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var names = Directory.GetFiles(_options.PickupDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var ids = new List<string?>();
        foreach (var name in names)
        {
            ids.Add((await MimeMessage.LoadAsync(Path.Combine(_options.PickupDirectory, name!))).MessageId);
        }

        Assert.Equal(new[] { "effect-c", "effect-a", "effect-b" }.Select(e => ReferenceFlow.Email.Rendering.MessageIds.For(e, "vendor.example")), ids);
        Assert.All(names, n => Assert.EndsWith(".eml", n, StringComparison.Ordinal));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Api.Actions;
using ReferenceFlow.Api.Nominations;
using ReferenceFlow.Api.Preferences;
using ReferenceFlow.Web.Tests.Support;

namespace ReferenceFlow.Web.Tests.LinkPages;

/// <summary>
/// A post to a link page with a forged token is refused before its form is read (issue 25, point 13): an anonymous caller
/// cannot make the server parse a body for a link that cannot act.
/// </summary>
public sealed class ForgedLinkBodyTests(ReferenceFlowFactory factory) : IClassFixture<ReferenceFlowFactory>
{
    private const string Forged = "forged.not-a-signed-token";

    [Fact]
    public async Task AnActionPostWithAForgedTokenIsRefusedUnread()
    {
        var (context, body) = Post();
        var result = await ActionPages.ActAsync(context, Forged, context.RequestServices.GetRequiredService<ActionService>());
        AssertRefusedUnread(result, body);
    }

    [Fact]
    public async Task APreferencesPostWithAForgedTokenIsRefusedUnread()
    {
        var (context, body) = Post();
        var result = await PreferencesPages.ChangeAsync(context, Forged, context.RequestServices.GetRequiredService<PreferencesService>());
        AssertRefusedUnread(result, body);
    }

    [Fact]
    public async Task AnInvitationPostWithAForgedTokenIsRefusedUnread()
    {
        var (context, body) = Post();
        var result = await InvitationPages.AnswerAsync(context, Forged, context.RequestServices.GetRequiredService<InvitationService>());
        AssertRefusedUnread(result, body);
    }

    private static void AssertRefusedUnread(IResult result, WatchedBody body)
    {
        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<ContentHttpResult>(result).StatusCode);
        Assert.False(body.WasRead, "the form was read before the token was checked");
    }

    private (HttpContext Context, WatchedBody Body) Post()
    {
        var body = new WatchedBody("decision=approve&reason=x"u8.ToArray());
        var context = new DefaultHttpContext { RequestServices = factory.Services.CreateScope().ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = body;
        return (context, body);
    }

    /// <summary>A form body that notes whether anything read it.</summary>
    private sealed class WatchedBody(byte[] content) : MemoryStream(content)
    {
        public bool WasRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            return base.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            WasRead = true;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }
}

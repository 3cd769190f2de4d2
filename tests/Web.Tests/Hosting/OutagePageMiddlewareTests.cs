using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>A page whose storage is out answers with the link pages' "try again" page, written without re-running the pipeline.</summary>
public sealed class OutagePageMiddlewareTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    [Fact]
    public async Task AStorageOutageIsA503PageSayingToTryAgainShortly()
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/requests";
        context.Response.Body = new MemoryStream();

        await new OutagePageMiddleware(_ => throw new SocketException((int)SocketError.ConnectionRefused)).InvokeAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        var html = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>We cannot reach our records right now</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeadDuringAnOutageIsA503WithoutABody()
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = HttpMethods.Head;
        context.Response.Body = new MemoryStream();

        await new OutagePageMiddleware(_ => throw new SocketException((int)SocketError.ConnectionRefused)).InvokeAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
    }
}

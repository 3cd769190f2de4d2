using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReferenceFlow.Functions.Tests.Http;

/// <summary>
/// An HttpClient's handler that plays the Functions host's part for the HTTP triggers, in process: routes each
/// request by functions.metadata, creates the function class in a fresh scope, binds the HttpRequest, route values
/// and cancellation token, and writes the IResult it returns — the triggers' own code runs unchanged.
/// </summary>
public sealed class HttpTriggerHandler(IServiceProvider services, IReadOnlyList<HttpTriggerRoute> routes) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var method = request.Method.Method;
        var (route, values) = routes.Select(r => (Route: r, Values: r.Match(method, uri.AbsolutePath))).FirstOrDefault(m => m.Values is not null);
        if (route is null) return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };

        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        await CopyRequestAsync(request, context.Request, cancellationToken);
        var body = new MemoryStream();
        context.Response.Body = body;

        var function = ActivatorUtilities.CreateInstance(scope.ServiceProvider, route.EntryPoint.DeclaringType!);
        var arguments = route.EntryPoint.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : (object?)values![p.Name!]?.ToString()).ToArray();
        try
        {
            var result = route.EntryPoint.Invoke(function, arguments) switch
            {
                Task<IResult> pending => await pending,
                IResult done => done,
                var other => throw new InvalidOperationException($"{route.Name} returned {other?.GetType().Name}, not an IResult."),
            };
            await result.ExecuteAsync(context);
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            // What the Functions host answers for an exception that escapes a trigger.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        return ToResponse(context.Response, body.ToArray(), request);
    }

    private static async Task CopyRequestAsync(HttpRequestMessage message, HttpRequest request, CancellationToken ct)
    {
        var uri = message.RequestUri!;
        request.Method = message.Method.Method;
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Authority);
        request.Path = uri.AbsolutePath;
        request.QueryString = new QueryString(uri.Query);
        foreach (var (name, value) in message.Headers) request.Headers[name] = value.ToArray();
        if (message.Content is null) return;
        foreach (var (name, value) in message.Content.Headers) request.Headers[name] = value.ToArray();
        request.ContentLength = message.Content.Headers.ContentLength;
        // Read as the trigger reads it, as the Functions host streams it: a body nobody reads is never pulled.
        request.Body = await message.Content.ReadAsStreamAsync(ct);
    }

    private static HttpResponseMessage ToResponse(HttpResponse response, byte[] body, HttpRequestMessage request)
    {
        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode) { Content = new ByteArrayContent(body), RequestMessage = request };
        foreach (var (name, value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }
        return message;
    }
}

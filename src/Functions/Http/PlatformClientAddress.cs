using System.Net;
using Microsoft.AspNetCore.Http;

namespace ReferenceFlow.Functions.Http;

/// <summary>
/// The client's address as the Functions platform saw it. The worker only ever hears from its own host, so the
/// connection's address is the host's; the platform's front end appends the address it accepted the connection from to
/// X-Forwarded-For. Only that last entry is the platform's word: anything before it is whatever the client sent.
/// </summary>
public static class PlatformClientAddress
{
    public static IPAddress? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        // "203.0.113.7", "203.0.113.7:52011" and "[2001:db8::1]:443": IPEndPoint reads each form.
        return last is not null && IPEndPoint.TryParse(last, out var endpoint) ? endpoint.Address : context.Connection.RemoteIpAddress;
    }
}

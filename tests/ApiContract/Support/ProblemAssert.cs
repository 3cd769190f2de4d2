using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferenceFlow.ApiContract.Support;

public static class ProblemAssert
{
    /// <summary>Asserts a 400 validation problem and returns its errors keyed by field.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonObject> IsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(body)!.AsObject();
    }
}

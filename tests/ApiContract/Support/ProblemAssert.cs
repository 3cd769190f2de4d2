using System.Net;
using System.Text.Json;

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
}

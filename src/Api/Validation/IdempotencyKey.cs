namespace ReferenceFlow.Api.Validation;

/// <summary>The <c>Idempotency-Key</c> header of a POST (api.md): 1–128 visible ASCII characters.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static bool IsValid(string? key) => key is { Length: >= 1 and <= 128 } && key.All(c => c is > ' ' and <= '~');

    /// <summary>The key the client sent, or null; a malformed one is a field error.</summary>
    public static string? Read(HttpRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }
        var key = values.Count == 1 ? values[0] : null;
        if (!IsValid(key))
        {
            errors.Add(Header, "Send one key of 1 to 128 visible ASCII characters.");
            return null;
        }
        return key;
    }
}

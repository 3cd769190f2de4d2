using System.Text.Json;
using System.Text.Json.Serialization;
using ReferenceFlow.Api.Validation;

namespace ReferenceFlow.Api;

/// <summary>
/// Reads JSON bodies by hand so that malformed input still answers 400 with errors keyed
/// by the field that broke ("prospect.employees"), like every other validation error.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the body as application/json."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, Invalid(field.Length == 0 ? "body" : field, Malformed(e)));
        }
    }

    public static IResult Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is invalid.");
    }

    // The serializer names the type it could not read in its message; the reader is told what to write instead.
    private static string Malformed(JsonException e) =>
        e.Message.Contains("System.DateOnly", StringComparison.Ordinal) ? "Not a date: write one such as 2026-12-18."
        : e.Message.Contains("System.Decimal", StringComparison.Ordinal) || e.Message.Contains("System.Int", StringComparison.Ordinal) ? "Not a number: write digits only, such as 250000."
        : e.Message.Contains("System.Boolean", StringComparison.Ordinal) ? "Not true or false."
        : "The value is malformed or of the wrong type.";

    private static IResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
}

namespace ReferenceFlow.Api.Preferences;

/// <summary>
/// The attributes that tie a form field to its error message, for screen readers: both absent (null, so the renderer
/// leaves them out) while the field has no error.
/// </summary>
public static class FieldState
{
    public static string? Invalid(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors?.ContainsKey(field) == true ? "true" : null;

    public static string? DescribedBy(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors?.ContainsKey(field) == true ? ErrorId(field) : null;

    /// <summary>The id of the paragraph <see cref="FieldNote"/> writes for the field's error.</summary>
    public static string ErrorId(string field) => field + "-error";
}

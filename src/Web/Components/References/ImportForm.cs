namespace ReferenceFlow.Web.Components.References;

/// <summary>
/// The import page's form: pasted CSV text (an uploaded file is read from the request), or the stored import a large
/// file's preview confirms (too large to send back through the page).
/// </summary>
public sealed class ImportForm
{
    public string? Csv { get; set; }

    public string? JobId { get; set; }
}

namespace ReferenceFlow.Web.Components.References;

/// <summary>The import page's form: pasted CSV text (an uploaded file is read from the request).</summary>
public sealed class ImportForm
{
    public string? Csv { get; set; }
}

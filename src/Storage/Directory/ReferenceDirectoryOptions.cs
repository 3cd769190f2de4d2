namespace ReferenceFlow.Storage.Directory;

/// <summary>Where the directory lives: a table named <c>{TablePrefix}references</c>.</summary>
public sealed class ReferenceDirectoryOptions
{
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
    public string TablePrefix { get; set; } = "";

    public string TableName => $"{TablePrefix}references";
}

namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>
/// Where the pickup sender writes: <c>ReferenceFlow:Email:PickupDirectory</c> (default <c>data/outbox</c>);
/// a relative path is taken from the checkout root (the folder holding run.sh), else the content root.
/// </summary>
public static class OutboxLocation
{
    public const string Key = "ReferenceFlow:Email:PickupDirectory";

    public static OutboxFolder Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[Key];
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine("data", "outbox") : configured;
        return new OutboxFolder(Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root(environment.ContentRootPath), path)));
    }

    private static string Root(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "run.sh")))
            {
                return dir.FullName;
            }
        }
        return contentRoot;
    }
}

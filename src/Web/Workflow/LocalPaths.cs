namespace ReferenceFlow.Web.Workflow;

/// <summary>Relative local paths (data/outbox) are the checkout's, wherever the app was started from.</summary>
public static class LocalPaths
{
    public static string Resolve(string contentRoot, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path)) return path;
        return Path.GetFullPath(Path.Combine(RepoRoot(contentRoot) ?? contentRoot, path));
    }

    /// <summary>The nearest folder above the content root holding ReferenceFlow.sln; null when deployed without it.</summary>
    public static string? RepoRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReferenceFlow.sln"))) return dir.FullName;
        }
        return null;
    }
}

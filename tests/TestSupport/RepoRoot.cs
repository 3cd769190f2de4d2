namespace ReferenceFlow.TestSupport;

/// <summary>The checkout's root, found from the test binaries by walking up to package.json.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Bin(string tool) => System.IO.Path.Combine(Path, "node_modules", ".bin", tool);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "package.json")) &&
                File.Exists(System.IO.Path.Combine(dir.FullName, "ReferenceFlow.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (package.json + ReferenceFlow.sln) was not found.");
    }
}

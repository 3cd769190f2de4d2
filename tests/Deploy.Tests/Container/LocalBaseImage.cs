using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>
/// An ASP.NET Core runtime base image assembled from this machine's own .NET install, because the
/// usual base (the Microsoft registry) is out of reach here. Same layout as the official image:
/// the runtime under /usr/share/dotnet, the native libraries it loads, and a non-root "app" user (1654).
/// </summary>
public static partial class LocalBaseImage
{
    public const string Repository = "dotnet/aspnet";
    public const string Tag = "10.0";

    public static (OciBlob Manifest, IReadOnlyList<OciBlob> Blobs) Build()
    {
        // The running runtime: .../shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var netCoreDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(netCoreDirectory, "..", "..", ".."));
        var runtimeVersion = Path.GetFileName(netCoreDirectory);
        var aspNetDirectory = System.IO.Directory.GetDirectories(Path.Combine(dotnetRoot, "shared", "Microsoft.AspNetCore.App"))
            .Where(d => Path.GetFileName(d).StartsWith($"{Environment.Version.Major}.{Environment.Version.Minor}.", StringComparison.Ordinal))
            .OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
            .LastOrDefault() ?? throw new InvalidOperationException("No ASP.NET Core runtime matches the running .NET runtime.");
        var aspNetVersion = Path.GetFileName(aspNetDirectory);

        var (layerTar, layerGzip) = Layer(dotnetRoot, [netCoreDirectory, aspNetDirectory]);
        var layer = new OciBlob("application/vnd.oci.image.layer.v1.tar+gzip", layerGzip);
        var config = new OciBlob("application/vnd.oci.image.config.v1+json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new
            {
                Env = new[]
                {
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "APP_UID=1654",
                    "ASPNETCORE_HTTP_PORTS=8080",
                    "DOTNET_RUNNING_IN_CONTAINER=true",
                    $"DOTNET_VERSION={runtimeVersion}",
                    $"ASPNET_VERSION={aspNetVersion}",
                },
                WorkingDir = "/",
            },
            rootfs = new { type = "layers", diff_ids = new[] { OciBlob.DigestOf(layerTar) } },
        }));
        var manifest = new OciBlob("application/vnd.oci.image.manifest.v1+json", JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            config = new { mediaType = config.MediaType, digest = config.Digest, size = config.Content.Length },
            layers = new[] { new { mediaType = layer.MediaType, digest = layer.Digest, size = layer.Content.Length } },
        }));
        return (manifest, [config, layer]);
    }

    private static (byte[] Tar, byte[] Gzip) Layer(string dotnetRoot, string[] frameworkDirectories)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            Directory(writer, "tmp/", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
            Text(writer, "etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n");
            Text(writer, "etc/group", "root:x:0:\napp:x:1654:\n");
            Directory(writer, "home/app/", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, uid: 1654);

            var runtimeFiles = new List<string> { Path.Combine(dotnetRoot, "dotnet") };
            foreach (var folder in frameworkDirectories.Prepend(Path.Combine(dotnetRoot, "host")))
            {
                runtimeFiles.AddRange(System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
            }
            foreach (var file in runtimeFiles)
            {
                writer.WriteEntry(file, "usr/share/dotnet/" + Path.GetRelativePath(dotnetRoot, file));
            }
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "usr/bin/dotnet") { LinkName = "../share/dotnet/dotnet" });

            foreach (var library in NativeDependencies(runtimeFiles.Where(f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith("/dotnet", StringComparison.Ordinal))))
            {
                using var content = File.OpenRead(library);
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, library.TrimStart('/'))
                {
                    DataStream = content,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                           UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                });
            }
        }
        var layerTar = tar.ToArray();
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(layerTar);
        }
        return (layerTar, gzip.ToArray());
    }

    /// <summary>
    /// The shared libraries the runtime links (ldd) plus those it opens at run time (OpenSSL, ICU),
    /// each with its own dependencies.
    /// </summary>
    private static SortedSet<string> NativeDependencies(IEnumerable<string> binaries)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(binaries);
        foreach (var dynamic in LoadedAtRunTime())
        {
            found.Add(dynamic);
            pending.Enqueue(dynamic);
        }
        while (pending.TryDequeue(out var binary))
        {
            foreach (Match match in LddPath().Matches(Run("ldd", binary)))
            {
                if (found.Add(match.Groups["path"].Value))
                {
                    pending.Enqueue(match.Groups["path"].Value);
                }
            }
        }
        return found;
    }

    private static IEnumerable<string> LoadedAtRunTime() =>
        LdconfigPath().Matches(Run("ldconfig", "-p"))
            .Select(m => m.Groups["path"].Value)
            .Where(p => p.Contains("/x86_64-linux-gnu/", StringComparison.Ordinal) && File.Exists(p))
            .Distinct(StringComparer.Ordinal);

    private static string Run(string command, string argument)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static void Directory(TarWriter writer, string name, UnixFileMode mode, int uid = 0) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, Uid = uid, Gid = uid });

    private static void Text(TarWriter writer, string name, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = content,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        });
    }

    // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and the loader "/lib64/ld-linux-x86-64.so.2 (0x…)".
    [GeneratedRegex(@"(?:=>\s+|^\s+)(?<path>/\S+)\s+\(0x", RegexOptions.Multiline)]
    private static partial Regex LddPath();

    // OpenSSL and ICU are dlopen()ed by System.Security.Cryptography.Native and System.Globalization.Native.
    [GeneratedRegex(@"(?:libssl\.so\.3|libcrypto\.so\.3|libicu(?:uc|i18n|data)\.so\.\d+) \(libc6,x86-64\) => (?<path>/\S+)")]
    private static partial Regex LdconfigPath();
}

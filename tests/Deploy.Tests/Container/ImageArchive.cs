using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>Reads an image tarball written by the SDK: Docker archive (manifest.json) or OCI layout (index.json).</summary>
public sealed class ImageArchive
{
    private readonly Dictionary<string, byte[]> _files;

    private ImageArchive(Dictionary<string, byte[]> files) => _files = files;

    public static ImageArchive Open(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var bytes = File.ReadAllBytes(path);
        using var raw = new MemoryStream(bytes);
        // The SDK writes a plain tar whatever the file is called; accept a gzipped one too.
        using var gzip = bytes is [0x1f, 0x8b, ..] ? new GZipStream(raw, CompressionMode.Decompress) : null;
        using var reader = new TarReader((Stream?)gzip ?? raw);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.DataStream is null)
            {
                continue;
            }
            using var content = new MemoryStream();
            entry.DataStream.CopyTo(content);
            files[entry.Name.TrimStart('.', '/')] = content.ToArray();
        }
        return new ImageArchive(files);
    }

    public JsonNode Config => Json(ConfigPath());

    /// <summary>Layer blobs in order, base first.</summary>
    public IReadOnlyList<byte[]> Layers => LayerPaths().Select(p => _files[p]).ToList();

    private string ConfigPath() =>
        _files.ContainsKey("manifest.json")
            ? Json("manifest.json")[0]!["Config"]!.GetValue<string>()
            : BlobPath(OciManifest()["config"]!["digest"]!.GetValue<string>());

    private IEnumerable<string> LayerPaths() =>
        _files.ContainsKey("manifest.json")
            ? Json("manifest.json")[0]!["Layers"]!.AsArray().Select(l => l!.GetValue<string>())
            : OciManifest()["layers"]!.AsArray().Select(l => BlobPath(l!["digest"]!.GetValue<string>()));

    private JsonNode OciManifest() => Json(BlobPath(Json("index.json")["manifests"]![0]!["digest"]!.GetValue<string>()));

    private static string BlobPath(string digest) => $"blobs/{digest.Replace(':', '/')}";

    private JsonNode Json(string path) =>
        JsonNode.Parse(_files.TryGetValue(path, out var bytes) ? bytes : throw new InvalidDataException($"{path} is not in the image archive"))!;

    /// <summary>Unpacks the layers in order into a root file system.</summary>
    public void ExtractTo(string directory)
    {
        foreach (var layer in Layers)
        {
            using var raw = new MemoryStream(layer);
            using var gzip = layer is [0x1f, 0x8b, ..] ? new GZipStream(raw, CompressionMode.Decompress) : null;
            TarFile.ExtractToDirectory((Stream?)gzip ?? raw, directory, overwriteFiles: true);
        }
    }

    /// <summary>Names of the files inside one (possibly gzipped) layer.</summary>
    public static IReadOnlyList<string> EntriesOf(byte[] layer)
    {
        using var raw = new MemoryStream(layer);
        var gzipped = layer is [0x1f, 0x8b, ..];
        using var gzip = gzipped ? new GZipStream(raw, CompressionMode.Decompress) : null;
        using var reader = new TarReader((Stream?)gzip ?? raw);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
        }
        return names;
    }
}

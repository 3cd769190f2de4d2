using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace ReferenceFlow.Web.Components.DevOutbox;

/// <summary>
/// Reads the pickup directory the Development mail sender writes (.eml files, newest last by
/// file name) for the dev outbox pages. Only names listed in the folder are ever opened.
/// </summary>
public sealed partial class OutboxFolder(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<OutboxEntry> List(int take = 200)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return System.IO.Directory.EnumerateFiles(Directory, "*.eml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderDescending(StringComparer.Ordinal)
            .Take(take)
            .Select(name => ReadEntry(name))
            .OfType<OutboxEntry>()
            .ToList();
    }

    /// <summary>The full message, or null when the id names no file in the folder.</summary>
    public MimeMessage? Open(string id)
    {
        if (!SafeId().IsMatch(id))
        {
            return null;
        }
        var path = Path.Combine(Directory, id + ".eml");
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }

    private OutboxEntry? ReadEntry(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        try
        {
            using var stream = File.OpenRead(path);
            var headers = HeaderList.Load(stream);
            return new OutboxEntry(
                Path.GetFileNameWithoutExtension(fileName),
                headers[OutboxHeaders.Kind] ?? "",
                headers[OutboxHeaders.Request],
                headers[HeaderId.To] ?? "",
                headers[HeaderId.Subject] ?? "(no subject)",
                DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var date) ? date : File.GetLastWriteTimeUtc(path));
        }
        catch (Exception e) when (e is IOException or FormatException or ParseException)
        {
            // A file still being moved into place or not an email: skip it, the next refresh shows it.
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex SafeId();
}

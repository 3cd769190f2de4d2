using System.Diagnostics;
using System.Text;

namespace ReferenceFlow.Deploy.Tests.Container;

/// <summary>
/// Runs an unpacked image the way a container runtime would, minus most isolation: chroot into its
/// root file system with /proc mounted, as its user, with its environment and entrypoint. Needs root.
/// </summary>
public sealed class ImageBoot(string rootfs, IEnumerable<string> imageEnvironment, string user) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Start(IReadOnlyList<string> entrypoint, IDictionary<string, string> overrides)
    {
        // A private mount namespace gets /proc and /dev (the runtime needs both, as a container runtime
        // provides them) and vanishes with the process.
        Directory.CreateDirectory(Path.Combine(rootfs, "proc"));
        Directory.CreateDirectory(Path.Combine(rootfs, "dev"));
        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        const string script = "root=\"$0\"; spec=\"$1\"; shift; mount -t proc proc \"$root/proc\" && mount --rbind /dev \"$root/dev\" && exec chroot --userspec=\"$spec\" \"$root\" \"$@\"";
        foreach (var arg in new[] { "--mount", "--fork", "sh", "-c", script, rootfs, $"{user}:{user}" }.Concat(entrypoint))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Clear();
        foreach (var variable in imageEnvironment)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            info.Environment[variable[..equals]] = variable[(equals + 1)..];
        }
        foreach (var (name, value) in overrides)
        {
            info.Environment[name] = value;
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("chroot did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process is { HasExited: true };

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}

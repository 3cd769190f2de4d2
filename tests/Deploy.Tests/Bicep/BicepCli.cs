using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using ReferenceFlow.TestSupport;

namespace ReferenceFlow.Deploy.Tests.Bicep;

/// <summary>Runs the Bicep CLI from the pinned NuGet package, offline, and collects its diagnostics.</summary>
public static partial class BicepCli
{
    public static string InfraDirectory { get; } = Path.Combine(RepoRoot.Path, "infra", "bicep");

    /// <summary>Values for the readEnvironmentVariable() calls in the parameter files (never real secrets).</summary>
    public static IReadOnlyDictionary<string, string> PlaceholderEnvironment { get; } = new Dictionary<string, string>
    {
        ["REFERENCEFLOW_IMAGE"] = "registry.invalid/referenceflow:test",
        ["REFERENCEFLOW_GRAPH_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        ["REFERENCEFLOW_SMTP_CLIENT_ID"] = "00000000-0000-0000-0000-000000000002",
        ["REFERENCEFLOW_SMTP_SP_OBJECT_ID"] = "00000000-0000-0000-0000-000000000003",
        ["REFERENCEFLOW_EMAIL_DOMAIN"] = "mail.contoso.example",
        ["REFERENCEFLOW_SIGNING_KEY"] = "placeholder-signing-key",
        ["REFERENCEFLOW_PSEUDONYM_KEY"] = "placeholder-pseudonym-key",
        ["REFERENCEFLOW_SMTP_PASSWORD"] = "placeholder-smtp-password",
        ["REFERENCEFLOW_GRAPH_CLIENT_SECRET"] = "placeholder-graph-secret",
    };

    public static string ExecutablePath { get; } = Locate();

    public static async Task<BicepResult> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in PlaceholderEnvironment)
        {
            info.Environment[name] = value;
        }
        // No telemetry and no update checks: the build must not reach out.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        info.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var errors = await stderr;
        var output = await stdout;
        var diagnostics = DiagnosticLine().Matches(errors + "\n" + output).Select(m => m.Value.Trim()).ToList();
        return new BicepResult(process.ExitCode, output, errors, diagnostics);
    }

    private static string Locate()
    {
        var packageDirectory = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackageDirectory").Value;
        if (string.IsNullOrEmpty(packageDirectory))
        {
            throw new InvalidOperationException("The Azure.Bicep.CommandLine.linux-x64 package path was not generated at build time.");
        }
        var path = Path.Combine(packageDirectory, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is missing from its package.", path);
        }
        // NuGet extraction can drop the executable bit for other users.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The pinned Bicep package is the linux-x64 build.");
        }
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & execute) != execute)
        {
            File.SetUnixFileMode(path, mode | execute | UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return path;
    }

    // "file(12,3) : Warning rule-name: message" — any level counts.
    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Error|Warning|Info) .*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

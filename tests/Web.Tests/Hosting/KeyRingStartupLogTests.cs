using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ReferenceFlow.TestSupport;
using ReferenceFlow.Web.Hosting;

namespace ReferenceFlow.Web.Tests.Hosting;

/// <summary>Outside Development, a key ring stored unencrypted is said at start, as a warning; locally it is the norm.</summary>
public sealed class KeyRingStartupLogTests
{
    [Fact]
    public async Task OutsideDevelopmentUnencryptedKeysAreAWarning()
    {
        var logger = await StartAsync(Environments.Production);

        var entry = Assert.Single(logger.Entries);
        Assert.StartsWith("Warning", entry, StringComparison.Ordinal);
        Assert.Contains("UNENCRYPTED", entry, StringComparison.Ordinal);
        Assert.Contains("ReferenceFlow:DataProtection:KeyVaultCertificate", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentNothingIsSaid() => Assert.Empty((await StartAsync(Environments.Development)).Entries);

    private static async Task<RecordingLogger<KeyRingStartupLog>> StartAsync(string environment)
    {
        var logger = new RecordingLogger<KeyRingStartupLog>();
        var log = new KeyRingStartupLog(Options.Create(new KeyRingOptions()), new HostingEnvironment { EnvironmentName = environment }, logger);
        await log.StartAsync(CancellationToken.None);
        return logger;
    }
}

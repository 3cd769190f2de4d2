using System.Text;

namespace ReferenceFlow.Workflow.Erasure;

/// <summary>Section <c>ReferenceFlow:Erasure</c>.</summary>
public sealed class ErasureOptions
{
    public const string Section = "ReferenceFlow:Erasure";

    /// <summary>
    /// The key of the keyed hash that names erased contacts (a secret, like the link-signing keys: whoever holds it can
    /// test whether a guessed contact is behind a pseudonym). Changing it gives later erasures other pseudonyms.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The workflow engine's task hub, whose tables and large-message blobs an erasure rewrites too
    /// (<c>ReferenceFlow:Engine:TaskHub</c>, the one both hosts run on).</summary>
    public string TaskHub { get; set; } = "referenceflow";

    /// <summary>How long an erasure or a purge waits for a finished request's orchestration to stop before it purges it.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public byte[] Key() => string.IsNullOrWhiteSpace(PseudonymKey)
        ? throw new InvalidOperationException($"{Section}:PseudonymKey is not set: erasure needs it to name erased contacts.")
        : Encoding.UTF8.GetBytes(PseudonymKey);
}

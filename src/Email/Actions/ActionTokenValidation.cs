namespace ReferenceFlow.Email.Actions;

/// <summary>The outcome of checking a token's signature and expiry.</summary>
public abstract record ActionTokenValidation
{
    private ActionTokenValidation() { }

    /// <summary>Signed by a configured key and not expired. Single use and the step are still the caller's to check.</summary>
    public sealed record Valid(ActionClaims Claims) : ActionTokenValidation;

    /// <summary>Well formed but not signed by any configured key (or its claims were altered).</summary>
    public sealed record Forged : ActionTokenValidation;

    /// <summary>Genuine but past its expiry.</summary>
    public sealed record Expired(ActionClaims Claims) : ActionTokenValidation;

    /// <summary>Not a token at all.</summary>
    public sealed record Malformed(string Reason) : ActionTokenValidation;
}

using System.ComponentModel.DataAnnotations;
using ReferenceFlow.Email.Sending;

namespace ReferenceFlow.Email;

/// <summary>Configuration section <c>ReferenceFlow:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "ReferenceFlow:Email";

    /// <summary>Pickup (write .eml files) or Smtp. Unset means Pickup in Development and an error elsewhere.</summary>
    public EmailMode? Mode { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "referenceflow@demo.local";

    public string FromName { get; set; } = "ReferenceFlow";

    /// <summary>
    /// Our company as customers know it ("Fabrikam"): every email and link page a customer reads names it where our
    /// company speaks or is spoken of. Set it; the default is only the product's own name.
    /// </summary>
    [Required]
    public string CompanyName { get; set; } = "ReferenceFlow";

    /// <summary>Right-hand side of generated Message-IDs; defaults to the domain of <see cref="From"/>.</summary>
    public string? MessageIdDomain { get; set; }

    public string PickupDirectory { get; set; } = Path.Combine("data", "outbox");

    public SmtpOptions Smtp { get; set; } = new();

    public string IdDomain => MessageIdDomain ?? From[(From.IndexOf('@', StringComparison.Ordinal) + 1)..];
}

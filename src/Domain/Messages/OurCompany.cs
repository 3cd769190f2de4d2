namespace ReferenceFlow.Domain.Messages;

/// <summary>
/// Our company, as customers know it. The Domain reads no configuration, so the words it writes for customers hold
/// <see cref="Name"/> where our company is named, and the email adapter puts the configured name in as it renders
/// (<c>ReferenceFlow:Email:CompanyName</c>; decision 031).
/// </summary>
public static class OurCompany
{
    /// <summary>Stands for our company's name in an email's text until it is rendered.</summary>
    public const string Name = "{our-company}";

    public static string Fill(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(Name, name, StringComparison.Ordinal);
    }
}

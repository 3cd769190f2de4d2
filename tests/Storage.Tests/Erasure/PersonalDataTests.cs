using System.Text.Json;
using ReferenceFlow.Storage.Erasure;

namespace ReferenceFlow.Storage.Tests.Erasure;

/// <summary>How a person's data is found in stored text: in every form storage writes it, and only as whole words.</summary>
public sealed class PersonalDataTests
{
    private static readonly Pseudonym Tag = Pseudonym.For("ref1/c1", "test-key"u8.ToArray());
    private static readonly PersonalData Person = new("Zoë.Ng@Example.com", ["Zoë Ng"], ["+33 1 23 45 67 89"], Tag);

    [Fact]
    public void TheSameSubjectAndKeyGiveTheSamePseudonymAndAnotherKeyAnother()
    {
        Assert.Equal(Tag, Pseudonym.For("ref1/c1", "test-key"u8.ToArray()));
        Assert.NotEqual(Tag, Pseudonym.For("ref1/c1", "other-key"u8.ToArray()));
        Assert.Matches("^Erased contact [0-9a-f]{12}$", Tag.Name);
        Assert.EndsWith("@erased.invalid", Tag.Email, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAsTheCodecWritesItIsRewrittenAndStillReads()
    {
        var json = JsonSerializer.Serialize(new { name = "Zoë Ng", email = "zoë.ng@example.com", phone = "+33 1 23 45 67 89", note = "Zoë Ng said yes" });

        var rewritten = Person.Replace(json);

        using var doc = JsonDocument.Parse(rewritten);
        Assert.Equal(Tag.Name, doc.RootElement.GetProperty("name").GetString());
        Assert.Equal(Tag.Email, doc.RootElement.GetProperty("email").GetString());
        Assert.Equal("", doc.RootElement.GetProperty("phone").GetString());
        Assert.Equal($"{Tag.Name} said yes", doc.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void AnUpperCasedAddressBecomesTheUpperCasedPseudonym() =>
        Assert.Equal($"HELD|{Tag.Email.ToUpperInvariant()}|r1", Person.Replace("HELD|ZOË.NG@EXAMPLE.COM|r1"));

    [Fact]
    public void OnlyWholeWordsAndWholeAddressesMatch()
    {
        const string text = "Zoë Ngata wrote to xzoë.ng@example.com and zoë.ng@example.com.au; call +33 1 23 45 67 890";

        Assert.Same(text, Person.Replace(text));
        Assert.False(Person.Holds(text));
    }
}

using System.Text;
using ReferenceFlow.Domain.Messages;
using ReferenceFlow.Email.Actions;

namespace ReferenceFlow.Email.Rendering;

/// <summary>The plain-text alternative: paragraphs, facts as "Label: value", links to pages, one link per decision.</summary>
internal static class TextBody
{
    public static string Render(OutboundEmail email, MintedAction? action, Uri? preferences = null, IReadOnlyList<LinkedPage>? pages = null)
    {
        var text = new StringBuilder();
        foreach (var paragraph in email.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (email.Facts is { Count: > 0 } facts)
        {
            var width = facts.Max(f => f.Label.Length) + 1;
            foreach (var fact in facts)
            {
                text.Append((fact.Label + ":").PadRight(width + 1)).Append(fact.Value).Append('\n');
            }
            text.Append('\n');
        }
        foreach (var page in pages ?? [])
        {
            text.Append("- ").Append(page.Label).Append(":\n  ").Append(page.Url.AbsoluteUri).Append('\n');
        }
        if (pages is { Count: > 0 })
        {
            text.Append('\n');
        }
        if (action is not null)
        {
            foreach (var decision in action.Decisions)
            {
                text.Append(DecisionLabels.Label(decision.Decision)).Append(": ").Append(decision.Url.AbsoluteUri).Append('\n');
            }
            text.Append("\nEach link opens a page where you confirm; nothing happens until you do.\n");
        }
        if (preferences is not null)
        {
            text.Append("\n--\n").Append(PreferencesLink.Label).Append(": ").Append(preferences.AbsoluteUri).Append('\n');
        }
        return text.ToString();
    }
}

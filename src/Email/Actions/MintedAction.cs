namespace ReferenceFlow.Email.Actions;

/// <summary>A token and the links built from it: the page, and one link per decision.</summary>
public sealed record MintedAction(string Token, ActionClaims Claims, Uri PageUrl, IReadOnlyList<DecisionLink> Decisions);

public sealed record DecisionLink(string Decision, Uri Url);

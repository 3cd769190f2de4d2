using System.Globalization;
using ReferenceFlow.Domain.References;
using ReferenceFlow.Domain.Scheduling;

namespace ReferenceFlow.Domain.Matching;

/// <summary>Turns one winner's terms into plain words: what matched and what did not.</summary>
internal static class MatchExplainer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Candidate Explain(
        ProspectTerms t, ReferenceAccount account, ReferenceContact contact, double score, UsageSummary used, int cap, DateTimeOffset now)
    {
        var p = t.Prospect;
        var reasons = new List<string>(12)
        {
            t.Industry(account) > 0 ? $"Same industry ({account.Industry})" : $"Different industry: {account.Industry}, the prospect is in {p.Industry}",
            Scale(t.Scale(account), account.Employees, p.Employees),
            Region(t.RegionTerm(account), account.Country, p.Country),
            t.LanguageTerm(contact) > 0 ? $"Speaks {p.Language}" : $"Does not speak {p.Language} (speaks {Join(contact.Languages)})",
            t.PersonaTerm(contact) switch
            {
                1 => $"Same persona ({p.Persona} to {p.Persona})",
                > 0 => $"Close persona: {contact.Persona}, the prospect is {p.Persona}",
                _ => $"Different persona: {contact.Persona}, the prospect is {p.Persona}",
            },
            t.SeniorityTerm(contact) switch
            {
                1 => $"Same seniority ({p.Seniority} to {p.Seniority})",
                > 0 => $"One level apart: {contact.Seniority}, the prospect is {p.Seniority}",
                _ => $"Seniority gap: {contact.Seniority}, the prospect is {p.Seniority}",
            },
        };

        if (t.Products.Count > 0)
        {
            reasons.Add(Covered("Runs", "the prospect's products", t.Products, account.Products));
        }

        if (t.HasUseCase)
        {
            reasons.Add(t.UseCaseTerm(account) > 0 ? $"Same use case ({p.UseCase})" : $"Different use case: not {p.UseCase}");
        }

        if (t.Topics.Count > 0)
        {
            reasons.Add(Covered("Can speak to", "the requested topics", t.Topics, contact.Topics));
        }

        if (t.HasCompetitor)
        {
            reasons.Add(t.CompetitorTerm(account) > 0 ? $"Migrated from {p.Competitor}, the competitor in this deal" : $"Did not migrate from {p.Competitor}");
        }

        reasons.Add(used.LastUsed is { } last
            ? string.Create(Inv, $"Last used {(int)(now - last).TotalDays} days ago; {used.ThisQuarter} of {cap} this quarter")
            : "Never used before: rotation favours them");
        if (account.Status == AccountStatus.Caution)
        {
            reasons.Add($"Caution: {CautionNote(account)}; the owner sees this before approving");
        }

        return new Candidate(
            account.ReferenceId, contact.ContactId, Math.Round(score, 3), reasons,
            new CandidateAccount(account.Account, account.Status, account.Status == AccountStatus.Caution ? CautionNote(account) : null,
                account.OwnerEmail, account.Industry, account.Employees, account.Country, [.. account.Products], [.. account.UseCases], [.. account.MigratedFrom]),
            new CandidateContact(contact.Name, contact.Email, contact.Phone, contact.Title, contact.Seniority, contact.Persona,
                contact.TimeZone, contact.WorkingHours ?? WorkingHours.Default, [.. contact.Languages], [.. contact.Topics]));
    }

    // The note sits inside a sentence (the reasons, the owner's email): its own closing full stop would double the one there.
    private static string CautionNote(ReferenceAccount account) =>
        string.IsNullOrWhiteSpace(account.HealthNotes) ? "account marked Caution" : account.HealthNotes.Trim().TrimEnd('.').TrimEnd();

    private static string Scale(double term, int theirs, int prospect)
    {
        var figures = string.Create(Inv, $"{theirs:N0} employees, the prospect has {prospect:N0}");
        return term switch
        {
            >= 0.75 => $"Similar scale: {figures}",
            >= 0.25 => $"Somewhat different scale: {figures}",
            _ => $"Different scale: {figures}",
        };
    }

    private static string Region(double term, string theirs, string prospect) => term switch
    {
        1 => $"Same country ({prospect})",
        > 0 => $"Same region ({Regions.Of(prospect)}): {theirs}, the prospect is in {prospect}",
        _ => $"Another region: {theirs} ({Regions.Of(theirs)}), the prospect is in {prospect} ({Regions.Of(prospect)})",
    };

    private static string Covered(string verb, string what, HashSet<string> wanted, IReadOnlyList<string> have)
    {
        var haveSet = new HashSet<string>(have, StringComparer.OrdinalIgnoreCase);
        var hit = wanted.Where(haveSet.Contains).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var miss = wanted.Where(w => !haveSet.Contains(w)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return (hit.Count, miss.Count) switch
        {
            (_, 0) => $"{verb} {Join(hit)}",
            (0, _) => $"{verb} none of {what} ({Join(miss)})",
            _ => $"{verb} {Join(hit)}; not {Join(miss)}",
        };
    }

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);
}

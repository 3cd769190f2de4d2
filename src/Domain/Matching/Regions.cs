namespace ReferenceFlow.Domain.Matching;

/// <summary>Market regions by ISO 3166 alpha-2 country, for "same region" matching.</summary>
public static class Regions
{
    private static readonly Dictionary<string, string> ByCountry = Build();

    /// <summary>The region of a country, or "Other" when unknown.</summary>
    public static string Of(string country) =>
        ByCountry.TryGetValue(country, out var region) ? region : "Other";

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(map, "North America", "US CA");
        Add(map, "Latin America", "MX BR AR CL CO PE UY EC VE CR PA DO GT BO PY");
        Add(map, "Europe", "FR DE GB UK IE NL BE LU CH AT IT ES PT DK SE NO FI IS PL CZ SK HU RO BG GR HR SI EE LV LT MT CY RS UA");
        Add(map, "Middle East and Africa", "AE SA QA KW BH OM IL TR EG MA TN DZ ZA NG KE GH JO LB");
        Add(map, "Asia Pacific", "JP CN KR IN SG HK TW AU NZ MY TH ID PH VN PK BD");
        return map;
    }

    private static void Add(Dictionary<string, string> map, string region, string countries)
    {
        foreach (var country in countries.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            map[country] = region;
        }
    }
}

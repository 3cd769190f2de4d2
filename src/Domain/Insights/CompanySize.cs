namespace ReferenceFlow.Domain.Insights;

/// <summary>A company's size in words, coarse enough that it does not name the company.</summary>
public static class CompanySize
{
    public static string Band(int employees) => employees switch
    {
        < 100 => "under 100 employees",
        < 1_000 => "100 to 999 employees",
        < 10_000 => "1,000 to 9,999 employees",
        < 50_000 => "10,000 to 49,999 employees",
        _ => "50,000 employees or more",
    };
}

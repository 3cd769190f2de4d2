using ReferenceFlow.Domain.Requests;

namespace ReferenceFlow.Domain.Common;

/// <summary>Structural equality for contract records whose list members compare by reference.</summary>
public static class Same
{
    public static bool Intake(RequestIntake? a, RequestIntake? b)
    {
        if (a is null || b is null)
        {
            return ReferenceEquals(a, b);
        }

        return Strip(a) == Strip(b)
            && Seq.Equal(a.Topics, b.Topics)
            && Seq.Equal(a.Prospect.Products, b.Prospect.Products);
    }

    private static RequestIntake Strip(RequestIntake intake) =>
        intake with { Topics = Array.Empty<string>(), Prospect = intake.Prospect with { Products = Array.Empty<string>() } };
}

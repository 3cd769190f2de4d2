namespace ReferenceFlow.Domain.Health;

/// <summary>
/// How a contact takes part in the program (domain.md, "Levels"). The number is the program's own name for the
/// level, not a ranking of worth: 3 takes calls from prospects, 2 lends name, logo and quote to our materials,
/// 1 does co-marketing (talks, webinars, a shared booth).
/// </summary>
public enum ReferenceLevel
{
    CoMarketing = 1,
    Materials = 2,
    Calls = 3,
}

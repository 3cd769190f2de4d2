namespace ReferenceFlow.Web.Seed;

/// <summary>The word lists the demo directory is drawn from.</summary>
internal static class DemoCatalog
{
    public sealed record Place(string Country, string TimeZone, string[] Languages, string[] FirstNames, string[] LastNames);

    public static readonly Place[] Places =
    [
        new("FR", "Europe/Paris", ["fr", "en"], ["Marie", "Julien", "Camille", "Antoine", "Claire"], ["Dubois", "Martin", "Lefèvre", "Moreau", "Garnier"]),
        new("DE", "Europe/Berlin", ["de", "en"], ["Lukas", "Anna", "Jonas", "Lea", "Felix"], ["Müller", "Schmidt", "Weber", "Fischer", "Wagner"]),
        new("GB", "Europe/London", ["en"], ["Oliver", "Amelia", "Harry", "Isla", "George"], ["Smith", "Jones", "Taylor", "Brown", "Evans"]),
        new("US", "America/New_York", ["en"], ["Emily", "Michael", "Sarah", "David", "Jessica"], ["Johnson", "Williams", "Miller", "Davis", "Garcia"]),
        new("US", "America/Chicago", ["en", "es"], ["Ashley", "Chris", "Maria", "Kevin", "Nicole"], ["Rodriguez", "Wilson", "Anderson", "Thomas", "Moore"]),
        new("US", "America/Los_Angeles", ["en"], ["Ryan", "Lauren", "Jason", "Megan", "Daniel"], ["Nguyen", "Kim", "Lee", "Clark", "Lewis"]),
        new("JP", "Asia/Tokyo", ["ja", "en"], ["Haruto", "Yui", "Sota", "Hina", "Ren"], ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe"]),
        new("BR", "America/Sao_Paulo", ["pt", "en"], ["Lucas", "Ana", "Gabriel", "Beatriz", "Pedro"], ["Silva", "Santos", "Oliveira", "Souza", "Costa"]),
        new("IN", "Asia/Kolkata", ["en", "hi"], ["Aarav", "Priya", "Vivaan", "Ananya", "Rohan"], ["Sharma", "Patel", "Iyer", "Reddy", "Gupta"]),
        new("AU", "Australia/Sydney", ["en"], ["Jack", "Charlotte", "William", "Mia", "Noah"], ["Wilson", "Thompson", "White", "Walker", "Hall"]),
        new("ES", "Europe/Madrid", ["es", "en"], ["Lucía", "Hugo", "Sofía", "Mateo", "Elena"], ["García", "Fernández", "López", "Martínez", "Sánchez"]),
        new("NL", "Europe/Amsterdam", ["nl", "en"], ["Daan", "Emma", "Sem", "Julia", "Lotte"], ["de Jong", "Jansen", "de Vries", "Bakker", "Visser"]),
        new("CA", "America/Toronto", ["en", "fr"], ["Liam", "Olivia", "Ethan", "Chloé", "Benjamin"], ["Tremblay", "Roy", "Gagnon", "MacDonald", "Campbell"]),
        new("SG", "Asia/Singapore", ["en", "zh"], ["Wei Ling", "Jun Jie", "Hui Min", "Kai", "Mei"], ["Tan", "Lim", "Ng", "Goh", "Chua"]),
        new("SE", "Europe/Stockholm", ["sv", "en"], ["Elsa", "Oscar", "Maja", "Erik", "Astrid"], ["Andersson", "Johansson", "Karlsson", "Nilsson", "Larsson"]),
        new("IT", "Europe/Rome", ["it", "en"], ["Giulia", "Marco", "Chiara", "Luca", "Francesca"], ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi"]),
    ];

    public sealed record Sector(string Industry, string Suffix, string[] UseCases);

    public static readonly Sector[] Sectors =
    [
        new("Healthcare", "Health", ["claims analytics", "patient flow forecasting", "clinical quality reporting"]),
        new("Financial Services", "Bank", ["risk reporting", "fraud analytics", "regulatory reporting"]),
        new("Retail", "Retail", ["demand forecasting", "store performance", "customer 360"]),
        new("Manufacturing", "Industries", ["supply chain visibility", "predictive maintenance", "quality analytics"]),
        new("Public Sector", "Agency", ["citizen services reporting", "budget transparency"]),
        new("Telecommunications", "Telecom", ["churn analytics", "network capacity planning"]),
        new("Energy", "Energy", ["grid analytics", "asset performance"]),
        new("Logistics", "Logistics", ["fleet analytics", "route optimisation"]),
        new("Insurance", "Insurance", ["claims analytics", "underwriting insights"]),
        new("Hosting", "Cloud", ["capacity planning", "customer usage billing"]),
    ];

    public static readonly string[] Companies =
    [
        "Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove", "Litware", "Adventure Works", "Proseware", "Wide World",
        "Alpine Ski", "Blue Yonder", "Coho", "Fourth Coffee", "Lamna", "Trey", "VanArsdel", "Wingtip", "Humongous",
        "Lucerne", "Relecloud", "Southridge", "Consolidated", "A. Datum", "Bellows", "City Power", "Tasmanian", "Northridge",
        "Margie's", "Graphic", "Munson's", "Fineartschool", "Boreal", "Cascadia", "Meridian", "Solstice", "Harbor",
        "Evergreen", "Summit", "Pioneer", "Aurora", "Granite", "Cobalt", "Redwood", "Silverline", "Oakmont", "Bluewater",
        "Ironbridge", "Lakeside", "Brightpath", "Keystone", "Starling", "Westbrook", "Highland", "Crescent", "Maple",
        "Riverside", "Sterling", "Horizon", "Beacon", "Vantage", "Falcon", "Orchid",
    ];

    public static readonly string[] Products = ["Analytics Cloud", "Data Pipeline", "Governance Suite", "Embedded BI", "Forecasting"];

    public static readonly string[] Competitors = ["LegacyBI", "SpreadsheetOps", "QueryMaster", "OldWarehouse", "InsightPro"];

    public static readonly string[] Topics =
    [
        "implementation", "integration", "administration", "ROI", "migration", "vendor services and support",
        "product selection", "security", "scalability", "change management",
    ];

    /// <summary>Every one is a user the Development sign-in offers (ReferenceFlow:DemoUsers), so each can answer its asks.</summary>
    public static readonly string[] Owners = ["jane.csm@demo.local", "omar.csm@demo.local", "li.ae@demo.local", "ana.csm@demo.local"];
}

using ReferenceFlow.Domain.References;

namespace ReferenceFlow.Domain.Matching;

/// <summary>
/// The directory flattened for ranking: every word (industry, country, product, topic, language…) is
/// interned to an id once, so ranking compares integers in flat arrays instead of strings in objects.
/// Build it when the directory is loaded and reuse it for every request until the directory changes.
/// </summary>
public sealed class DirectoryIndex
{
    private DirectoryIndex(IReadOnlyList<ReferenceAccount> accounts, Vocabulary words, int contactCount)
    {
        Accounts = accounts;
        Words = words;
        AccountOf = new int[contactCount];
        ContactOf = new int[contactCount];
        ActivityMask = new int[contactCount];
        ConsentUntil = new int[contactCount];
        PausedUntil = new int[contactCount];
        Cap = new int[contactCount];
        Seniority = new byte[contactCount];
        Persona = new byte[contactCount];
        LanguageStart = new int[contactCount + 1];
        TopicStart = new int[contactCount + 1];
        Industry = new int[accounts.Count];
        Country = new int[accounts.Count];
        Region = new int[accounts.Count];
        LogEmployees = new double[accounts.Count];
        Products = new int[accounts.Count][];
        UseCases = new int[accounts.Count][];
        MigratedFrom = new int[accounts.Count][];
        Offered = new bool[accounts.Count];
    }

    public IReadOnlyList<ReferenceAccount> Accounts { get; }
    public int Count => AccountOf.Length;

    internal Vocabulary Words { get; }
    internal int[] AccountOf { get; }
    internal int[] ContactOf { get; }
    internal int[] ActivityMask { get; }
    internal int[] ConsentUntil { get; }
    internal int[] PausedUntil { get; }
    internal int[] Cap { get; }
    internal byte[] Seniority { get; }
    internal byte[] Persona { get; }
    // Contact words are flattened (ids of contact i live at Start[i]..Start[i + 1]) to keep the scan in a few arrays.
    internal int[] LanguageStart { get; }
    internal int[] TopicStart { get; }
    internal int[] LanguageIds { get; private set; } = [];
    internal int[] TopicIds { get; private set; } = [];
    internal int[] Industry { get; }
    internal int[] Country { get; }
    internal int[] Region { get; }
    internal double[] LogEmployees { get; }
    internal int[][] Products { get; }
    internal int[][] UseCases { get; }
    internal int[][] MigratedFrom { get; }
    internal bool[] Offered { get; }

    /// <summary>Where each contact sits, to place usage and busy contacts without hashing every contact.</summary>
    internal Dictionary<ContactKey, int> Positions { get; } = [];

    public ContactKey KeyAt(int position) =>
        new(Accounts[AccountOf[position]].ReferenceId, Accounts[AccountOf[position]].Contacts[ContactOf[position]].ContactId);

    public static DirectoryIndex Build(IReadOnlyList<ReferenceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var words = new Vocabulary();
        var index = new DirectoryIndex(accounts, words, accounts.Sum(a => a.Contacts.Count));
        var i = 0;
        var languages = new List<int>();
        var topics = new List<int>();
        for (var a = 0; a < accounts.Count; a++)
        {
            var account = accounts[a];
            index.Offered[a] = account.Status is not (AccountStatus.Retired or AccountStatus.Paused);
            index.Industry[a] = words.Id(account.Industry);
            index.Country[a] = words.Id(account.Country);
            index.Region[a] = words.Id(Regions.Of(account.Country));
            index.LogEmployees[a] = Math.Log10(Math.Max(1, account.Employees));
            index.Products[a] = words.Ids(account.Products);
            index.UseCases[a] = words.Ids(account.UseCases);
            index.MigratedFrom[a] = words.Ids(account.MigratedFrom);
            for (var c = 0; c < account.Contacts.Count; c++, i++)
            {
                var contact = account.Contacts[c];
                index.AccountOf[i] = a;
                index.ContactOf[i] = c;
                index.ActivityMask[i] = contact.Activities.Aggregate(0, (mask, activity) => mask | (1 << (int)activity));
                // Leaving the program withdraws consent for good, whatever expiry the row still carries.
                index.ConsentUntil[i] = contact.LeftProgramOn is not null ? int.MinValue : contact.ConsentExpires?.DayNumber ?? int.MaxValue;
                index.PausedUntil[i] = contact.PausedUntil?.DayNumber ?? int.MinValue;
                index.Cap[i] = contact.MaxCallsPerQuarter ?? -1;
                index.Seniority[i] = (byte)contact.Seniority;
                index.Persona[i] = (byte)contact.Persona;
                languages.AddRange(words.Ids(contact.Languages));
                topics.AddRange(words.Ids(contact.Topics));
                index.LanguageStart[i + 1] = languages.Count;
                index.TopicStart[i + 1] = topics.Count;
                index.Positions[new ContactKey(account.ReferenceId, contact.ContactId)] = i;
            }
        }

        index.LanguageIds = [.. languages];
        index.TopicIds = [.. topics];
        return index;
    }

    /// <summary>Case-insensitive word ids; one id space for every field keeps the index small.</summary>
    internal sealed class Vocabulary
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.OrdinalIgnoreCase);

        public int Count => ids.Count;

        public int Id(string? word)
        {
            var key = word ?? "";
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids[key] = id;
            }

            return id;
        }

        /// <summary>Distinct ids, so a word listed twice never counts twice.</summary>
        public int[] Ids(IReadOnlyList<string> words) => [.. words.Select(Id).Distinct()];

        /// <summary>The id of a word already known, or -1: a word no entry uses can match nothing.</summary>
        public int Find(string? word) => ids.TryGetValue(word ?? "", out var id) ? id : -1;
    }
}

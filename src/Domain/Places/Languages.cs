namespace ReferenceFlow.Domain.Places;

/// <summary>
/// ISO 639-1 languages, each with its English name: the one list the intake's pick list shows, the API and the CSV import
/// accept, and emails name a language by. A fixed list, not the machine's culture data, so every host agrees.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<Place> All { get; } =
    [
        new("aa", "Afar"), new("ab", "Abkhazian"), new("ae", "Avestan"), new("af", "Afrikaans"), new("ak", "Akan"), new("am", "Amharic"),
        new("an", "Aragonese"), new("ar", "Arabic"), new("as", "Assamese"), new("av", "Avaric"), new("ay", "Aymara"), new("az", "Azerbaijani"),
        new("ba", "Bashkir"), new("be", "Belarusian"), new("bg", "Bulgarian"), new("bi", "Bislama"), new("bm", "Bambara"), new("bn", "Bangla"),
        new("bo", "Tibetan"), new("br", "Breton"), new("bs", "Bosnian"), new("ca", "Catalan"), new("ce", "Chechen"), new("ch", "Chamorro"),
        new("co", "Corsican"), new("cr", "Cree"), new("cs", "Czech"), new("cu", "Church Slavic"), new("cv", "Chuvash"), new("cy", "Welsh"),
        new("da", "Danish"), new("de", "German"), new("dv", "Divehi"), new("dz", "Dzongkha"), new("ee", "Ewe"), new("el", "Greek"),
        new("en", "English"), new("eo", "Esperanto"), new("es", "Spanish"), new("et", "Estonian"), new("eu", "Basque"), new("fa", "Persian"),
        new("ff", "Fula"), new("fi", "Finnish"), new("fj", "Fijian"), new("fo", "Faroese"), new("fr", "French"), new("fy", "Western Frisian"),
        new("ga", "Irish"), new("gd", "Scottish Gaelic"), new("gl", "Galician"), new("gn", "Guarani"), new("gu", "Gujarati"), new("gv", "Manx"),
        new("ha", "Hausa"), new("he", "Hebrew"), new("hi", "Hindi"), new("ho", "Hiri Motu"), new("hr", "Croatian"), new("ht", "Haitian Creole"),
        new("hu", "Hungarian"), new("hy", "Armenian"), new("hz", "Herero"), new("ia", "Interlingua"), new("id", "Indonesian"),
        new("ie", "Interlingue"), new("ig", "Igbo"), new("ii", "Sichuan Yi"), new("ik", "Inupiaq"), new("io", "Ido"), new("is", "Icelandic"),
        new("it", "Italian"), new("iu", "Inuktitut"), new("ja", "Japanese"), new("jv", "Javanese"), new("ka", "Georgian"), new("kg", "Kongo"),
        new("ki", "Kikuyu"), new("kj", "Kuanyama"), new("kk", "Kazakh"), new("kl", "Kalaallisut"), new("km", "Khmer"), new("kn", "Kannada"),
        new("ko", "Korean"), new("kr", "Kanuri"), new("ks", "Kashmiri"), new("ku", "Kurdish"), new("kv", "Komi"), new("kw", "Cornish"),
        new("ky", "Kyrgyz"), new("la", "Latin"), new("lb", "Luxembourgish"), new("lg", "Ganda"), new("li", "Limburgish"), new("ln", "Lingala"),
        new("lo", "Lao"), new("lt", "Lithuanian"), new("lu", "Luba-Katanga"), new("lv", "Latvian"), new("mg", "Malagasy"),
        new("mh", "Marshallese"), new("mi", "Māori"), new("mk", "Macedonian"), new("ml", "Malayalam"), new("mn", "Mongolian"),
        new("mr", "Marathi"), new("ms", "Malay"), new("mt", "Maltese"), new("my", "Burmese"), new("na", "Nauru"), new("nb", "Norwegian Bokmål"),
        new("nd", "North Ndebele"), new("ne", "Nepali"), new("ng", "Ndonga"), new("nl", "Dutch"), new("nn", "Norwegian Nynorsk"),
        new("no", "Norwegian"), new("nr", "South Ndebele"), new("nv", "Navajo"), new("ny", "Nyanja"), new("oc", "Occitan"), new("oj", "Ojibwa"),
        new("om", "Oromo"), new("or", "Odia"), new("os", "Ossetic"), new("pa", "Punjabi"), new("pi", "Pali"), new("pl", "Polish"),
        new("ps", "Pashto"), new("pt", "Portuguese"), new("qu", "Quechua"), new("rm", "Romansh"), new("rn", "Rundi"), new("ro", "Romanian"),
        new("ru", "Russian"), new("rw", "Kinyarwanda"), new("sa", "Sanskrit"), new("sc", "Sardinian"), new("sd", "Sindhi"),
        new("se", "Northern Sami"), new("sg", "Sango"), new("si", "Sinhala"), new("sk", "Slovak"), new("sl", "Slovenian"), new("sm", "Samoan"),
        new("sn", "Shona"), new("so", "Somali"), new("sq", "Albanian"), new("sr", "Serbian"), new("ss", "Swati"), new("st", "Southern Sotho"),
        new("su", "Sundanese"), new("sv", "Swedish"), new("sw", "Swahili"), new("ta", "Tamil"), new("te", "Telugu"), new("tg", "Tajik"),
        new("th", "Thai"), new("ti", "Tigrinya"), new("tk", "Turkmen"), new("tl", "Tagalog"), new("tn", "Tswana"), new("to", "Tongan"),
        new("tr", "Turkish"), new("ts", "Tsonga"), new("tt", "Tatar"), new("tw", "Twi"), new("ty", "Tahitian"), new("ug", "Uyghur"),
        new("uk", "Ukrainian"), new("ur", "Urdu"), new("uz", "Uzbek"), new("ve", "Venda"), new("vi", "Vietnamese"), new("vo", "Volapük"),
        new("wa", "Walloon"), new("wo", "Wolof"), new("xh", "Xhosa"), new("yi", "Yiddish"), new("yo", "Yoruba"), new("za", "Zhuang"),
        new("zh", "Chinese"), new("zu", "Zulu")
    ];

    private static readonly Dictionary<string, string> NameOf = All.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> CodeOf = All.ToDictionary(p => p.Name, p => p.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="code"/> is one of the codes, exactly as written (lower case, "de").</summary>
    public static bool IsCode(string? code) => code is not null && NameOf.ContainsKey(code);

    /// <summary>The name people read ("German"); an unknown code is shown as it is.</summary>
    public static string Name(string code) => NameOf.TryGetValue(code, out var name) ? name : code;

    /// <summary>The code of a name typed in full ("German" is de), for an error that says what to send instead.</summary>
    public static string? CodeFor(string? name) => name is not null && CodeOf.TryGetValue(name.Trim(), out var code) ? code : null;
}

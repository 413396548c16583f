namespace SigmaNex.Core.Context;

/// <summary>Language names as a model understands them in an instruction ("Answer in Italian (italiano)").</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, (string English, string Native)> s_names = new(StringComparer.Ordinal)
    {
        ["en"] = ("English", "English"), ["it"] = ("Italian", "italiano"), ["es"] = ("Spanish", "español"),
        ["fr"] = ("French", "français"), ["de"] = ("German", "Deutsch"), ["pt"] = ("Portuguese", "português"),
        ["nl"] = ("Dutch", "Nederlands"), ["ro"] = ("Romanian", "română"), ["pl"] = ("Polish", "polski"),
        ["ru"] = ("Russian", "русский"), ["uk"] = ("Ukrainian", "українська"), ["ar"] = ("Arabic", "العربية"),
        ["tr"] = ("Turkish", "Türkçe"), ["el"] = ("Greek", "Ελληνικά"), ["sv"] = ("Swedish", "svenska"),
        ["cs"] = ("Czech", "čeština"), ["hu"] = ("Hungarian", "magyar"), ["fi"] = ("Finnish", "suomi"),
        ["da"] = ("Danish", "dansk"), ["he"] = ("Hebrew", "עברית"), ["ja"] = ("Japanese", "日本語"),
        ["zh"] = ("Chinese", "中文"), ["hi"] = ("Hindi", "हिन्दी"), ["no"] = ("Norwegian", "norsk"),
    };

    /// <summary>True for the language codes this table names.</summary>
    public static bool IsKnown(string code) => s_names.ContainsKey(code);

    public static string English(string code) => s_names.TryGetValue(code, out var n) ? n.English : code;

    public static string Native(string code) => s_names.TryGetValue(code, out var n) ? n.Native : code;

    /// <summary>"Italian (italiano)", or "English".</summary>
    public static string Describe(string code) =>
        s_names.TryGetValue(code, out var n) ? n.English == n.Native ? n.English : $"{n.English} ({n.Native})" : code;
}

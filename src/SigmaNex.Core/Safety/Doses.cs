using System.Globalization;
using System.Text.RegularExpressions;

namespace SigmaNex.Core.Safety;

/// <summary>Finds doses ("300 mg", "2 puffs", "0,5 ml/kg", "10 gocce") and normalises them for comparison.</summary>
public static partial class Doses
{
    public static HashSet<string> Find(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Dose().Matches(text))
        {
            var value = double.Parse(m.Groups["value"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            found.Add(string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {Unit(m.Groups["unit"].Value)}"));
        }

        return found;
    }

    private static string Unit(string unit) => unit.ToLowerInvariant() switch
    {
        "mg" or "milligram" or "milligrams" or "milligrammi" or "miligramos" or "milligrammes" or "milligramm" => "mg",
        "g" or "gram" or "grams" or "grammi" or "gramos" or "grammes" or "gramm" => "g",
        "mcg" or "µg" or "ug" or "microgram" or "micrograms" => "mcg",
        "ml" or "millilitre" or "millilitres" or "milliliter" or "milliliters" or "millilitri" or "mililitros" => "ml",
        "iu" or "ui" or "units" or "unit" or "unità" or "unidades" or "unités" or "einheiten" => "iu",
        "mg/kg" => "mg/kg",
        "ml/kg" => "ml/kg",
        "puff" or "puffs" or "spruzzi" or "spruzzo" or "inhalaciones" or "bouffées" or "hübe" => "puff",
        "drop" or "drops" or "gocce" or "gotas" or "gouttes" or "tropfen" => "drop",
        _ => "tablet",
    };

    [GeneratedRegex(@"(?<![\w.,])(?<value>\d+(?:[.,]\d+)?)\s?(?<unit>mg/kg|ml/kg|mg|milligrams?|milligrammi|miligramos|milligrammes|milligramm|mcg|µg|ug|micrograms?|g|grams?|grammi|gramos|grammes|gramm|ml|millilit(?:re|er)s?|millilitri|mililitros|iu|ui|units?|unità|unidades|unités|einheiten|tablets?|pills?|capsules?|compresse|compressa|pastiglie|pastiglia|comprimidos?|comprimés?|tabletten?|puffs?|spruzzi|spruzzo|inhalaciones|bouffées|hübe|drops?|gocce|gotas|gouttes|tropfen)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Dose();
}

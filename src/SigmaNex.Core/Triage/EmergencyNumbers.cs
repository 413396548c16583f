using SigmaNex.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Triage;

/// <summary>Emergency and crisis numbers by region, shipped in Resources/emergency-numbers.yaml.</summary>
public static class EmergencyNumbers
{
    private static readonly Lazy<IReadOnlyDictionary<string, EmergencyContact>> s_table = new(Load);

    public static IReadOnlyCollection<string> Regions => s_table.Value.Keys.ToList();

    /// <summary>The contact for a region, or the EU's 112 when the region is unknown.</summary>
    public static EmergencyContact For(string region, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var key = region.ToUpperInvariant();
        var contact = s_table.Value.TryGetValue(key, out var c) ? c : s_table.Value["EU"] with { Region = key };
        if (overrides is null)
        {
            return contact;
        }

        return contact with
        {
            Number = overrides.GetValueOrDefault("number") ?? contact.Number,
            Medical = overrides.GetValueOrDefault("medical") ?? contact.Medical,
            Crisis = overrides.GetValueOrDefault("crisis") ?? contact.Crisis,
        };
    }

    private static IReadOnlyDictionary<string, EmergencyContact> Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(EmbeddedResources.ReadText("emergency-numbers.yaml")));
        var result = new Dictionary<string, EmergencyContact>(StringComparer.Ordinal);
        foreach (var (k, v) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
        {
            var map = (YamlMappingNode)v;
            string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? ((YamlScalarNode)n).Value : null;
            var region = ((YamlScalarNode)k).Value!;
            result[region] = new EmergencyContact(region, Get("number")!, Get("medical"), Get("crisis"));
        }

        return result;
    }
}

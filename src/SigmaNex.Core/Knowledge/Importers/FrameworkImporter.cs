using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// The Python SIGMA-NEX's <c>Framework_SIGMA.json</c>: <c>{"modules":[{numero, nome, priorita,
/// descrizione, comandi[], fallback}]}</c>, in Italian. Each module becomes a protocol: <c>comandi</c>
/// are its steps and <c>fallback</c> its improvised alternatives, both searchable.
/// </summary>
public sealed partial class FrameworkImporter : IKnowledgeImporter
{
    private static readonly Dictionary<string, string> s_categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["idratazione"] = "water", ["acqua"] = "water", ["alimentazione"] = "food", ["cibo"] = "food",
        ["rifugio"] = "shelter", ["abbigliamento"] = "shelter", ["energia"] = "power", ["medicina"] = "medical",
        ["primo soccorso"] = "medical", ["comunicazione"] = "communication", ["orientamento"] = "navigation",
        ["fuoco"] = "fire", ["igiene"] = "hygiene", ["gestione rifiuti"] = "hygiene", ["psicologia"] = "mental-health",
        ["gestione risorse"] = "preparedness", ["autodifesa"] = "safety", ["mobilità sicura"] = "safety",
    };

    public string Format => "framework";

    public bool CanImport(string path, ReadOnlySpan<byte> head)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(head);
        return text.Contains("\"modules\"", StringComparison.Ordinal) && text.Contains("\"comandi\"", StringComparison.Ordinal);
    }

    public async IAsyncEnumerable<KnowledgeDocument> ImportAsync(ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(context.Path, cancellationToken).ConfigureAwait(false);
        foreach (var p in Parse(bytes, context.Path))
        {
            yield return ProtocolDocuments.ToDocument(p, attribution: "Imported from the SIGMA-NEX (Python) framework file");
        }
    }

    public static IReadOnlyList<Protocol> Parse(byte[] json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw SigmaException.Input($"{source} line {(ex.LineNumber ?? 0) + 1}: not valid JSON ({FirstSentence(ex.Message)})");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("modules", out var modules) || modules.ValueKind != JsonValueKind.Array)
            {
                throw SigmaException.Input($"{source}: expected an object with a \"modules\" list (the Framework_SIGMA.json format)");
            }

            var result = new List<Protocol>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var m in modules.EnumerateArray())
            {
                var at = $"{source}: modules[{i}]";
                if (m.ValueKind != JsonValueKind.Object)
                {
                    throw SigmaException.Input($"{at} must be an object");
                }

                var name = Text(m, "nome", at) ?? throw SigmaException.Input($"{at}.nome is required");
                var number = m.TryGetProperty("numero", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var num) ? num : i + 1;
                var steps = Items(m, "comandi", at);
                if (steps.Count == 0)
                {
                    throw SigmaException.Input($"{at}.comandi must be a non-empty list of instructions");
                }

                var id = $"framework-{number:00}-{Slug(name)}";
                if (!seen.Add(id))
                {
                    throw SigmaException.Input($"{at}: module number {number} '{name}' appears twice");
                }

                result.Add(new Protocol
                {
                    Id = id,
                    Language = "it",
                    Title = char.ToUpperInvariant(name[0]) + name[1..],
                    Category = s_categories.GetValueOrDefault(name.Trim(), "general"),
                    Priority = (Text(m, "priorita", at) ?? string.Empty).ToLowerInvariant() switch
                    {
                        "critica" or "critical" or "massima" => Priority.Critical,
                        "alta" or "high" => Priority.High,
                        _ => Priority.Normal,
                    },
                    Summary = Text(m, "descrizione", at) ?? string.Empty,
                    Steps = steps,
                    Improvised = Items(m, "fallback", at),
                    Tags = [name],
                    Source = $"Framework SIGMA module {number} ({Path.GetFileName(source)})",
                });
                i++;
            }

            return result;
        }
    }

    private static string? Text(JsonElement m, string key, string at)
    {
        if (!m.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : throw SigmaException.Input($"{at}.{key} must be text");
    }

    /// <summary>A list of strings, or one string numbered "1. ... 2. ...", as instructions without their numbers.</summary>
    private static List<string> Items(JsonElement m, string key, string at)
    {
        if (!m.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        IEnumerable<string> raw = v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw SigmaException.Input($"{at}.{key} must be a list of text")),
            JsonValueKind.String => NumberedItem().Split(v.GetString()!),
            _ => throw SigmaException.Input($"{at}.{key} must be text or a list of text"),
        };
        return raw.Select(s => LeadingNumber().Replace(s.Trim(), string.Empty).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }

    private static string Slug(string name)
    {
        var folded = SigmaNex.Core.Text.TextFolding.Fold(name.Trim());
        var slug = NonSlug().Replace(folded, "-").Trim('-');
        return slug.Length == 0 ? "module" : slug;
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }

    [GeneratedRegex(@"(?:^|\s)(?=\d{1,2}\.\s)")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^\d{1,2}[.)]\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

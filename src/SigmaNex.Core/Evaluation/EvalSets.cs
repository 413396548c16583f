using System.Text.Json;

namespace SigmaNex.Core.Evaluation;

/// <summary>Reads labelled query sets: JSON lines ({query, lang, expected[], kind}) or TSV (query, expected ids, lang).</summary>
public static class EvalSets
{
    public static IReadOnlyList<RetrievalCase> ReadRetrieval(string path)
    {
        var cases = new List<RetrievalCase>();
        var n = 0;
        foreach (var line in ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var r = doc.RootElement;
                    cases.Add(new RetrievalCase(
                        r.GetProperty("query").GetString() ?? throw new JsonException("query is null"),
                        r.TryGetProperty("lang", out var l) ? l.GetString() ?? "en" : "en",
                        r.TryGetProperty("expected", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
                        r.TryGetProperty("kind", out var k) ? k.GetString() ?? string.Empty : string.Empty,
                        r.TryGetProperty("expected_keywords", out var kw) ? kw.EnumerateArray().Select(x => x.GetString()!).ToList() : []));
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    throw SigmaException.Input($"{path} line {n}: {ex.Message}");
                }
            }
            else
            {
                var parts = line.Split('\t');
                if (parts.Length < 2)
                {
                    throw SigmaException.Input($"{path} line {n}: expected 'query<TAB>expected ids[<TAB>lang]'");
                }

                cases.Add(new RetrievalCase(parts[0], parts.Length > 2 ? parts[2] : "en", parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), string.Empty, []));
            }

            if (cases[^1].Expected.Count == 0 && cases[^1].ExpectedKeywords.Count == 0)
            {
                throw SigmaException.Input($"{path} line {n}: no expected ids or keywords");
            }
        }

        return cases;
    }

    public static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw SigmaException.Input($"no such evaluation set: {path}");
        }

        return File.ReadLines(path).Select(l => l.Trim());
    }
}

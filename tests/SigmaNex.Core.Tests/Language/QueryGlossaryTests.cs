using System.Diagnostics;
using SigmaNex.Core.Language;
using SigmaNex.Core.Retrieval;
using SigmaNex.Tests;
using Xunit.Abstractions;

namespace SigmaNex.Core.Tests.Language;

public sealed class QueryGlossaryTests(ITestOutputHelper output)
{
    private static readonly QueryGlossary s_glossary = QueryGlossary.Default;

    /// <summary>Terms that mean two things in one language on purpose (homographs once accents are folded).</summary>
    private static readonly HashSet<string> s_intendedAmbiguities = new(StringComparer.Ordinal)
    {
        "en:boil",      // a boil (abscess) and boiling water
        "es:bebe",      // "bebé" (baby) and "bebe" (drinks): the accented form decides when typed
        "pt:bebe",      // the same in Portuguese
        "fr:glace",     // "glace" (ice) and "glacé" (icy cold)
        "fr:plante",    // "plante" (plant) and "planté" (stuck in)
    };

    [Theory]
    [InlineData("¿Cómo se purifica el agua con lejía?", "es", new[] { "bleach", "water", "purify" })]
    [InlineData("¿Cuántas gotas de lejía por litro?", "es", new[] { "bleach", "drops", "litre" })]
    [InlineData("Mi hijo tiene fiebre alta", "es", new[] { "child", "fever" })]
    [InlineData("Me picó una avispa en el brazo", "es", new[] { "sting", "wasp", "arm" })]
    [InlineData("Comment purifier l'eau avec de l'eau de javel ?", "fr", new[] { "purify", "water", "bleach" })]
    [InlineData("Mon bébé s'étouffe", "fr", new[] { "baby", "choking" })]
    [InlineData("Il fait une crise d'épilepsie", "fr", new[] { "seizure" })]
    [InlineData("Wie lange muss ich Wasser abkochen?", "de", new[] { "how long", "water", "boil" })]
    [InlineData("Mein Kind hat sich verbrüht", "de", new[] { "child", "scald" })]
    [InlineData("Zeckenbiss am Bein", "de", new[] { "tick", "leg" })]
    [InlineData("Como purificar a água com lixívia?", "pt", new[] { "purify", "water", "bleach" })]
    [InlineData("O bebé está engasgado", "pt", new[] { "baby", "choking" })]
    public void Translate_Questions_GiveTheEnglishTerms(string query, string from, string[] expected)
    {
        var terms = s_glossary.Translate(query, from, "en");

        output.WriteLine(string.Join(" | ", terms));
        AssertNames(terms, expected);
    }

    [Theory]
    [InlineData("lejía", "lejia")]
    [InlineData("¿Cómo se purifica el agua con lejía?", "como se purifica el agua con lejia")]
    [InlineData("brûlure à la main", "brulure a la main")]
    [InlineData("Verbrühung am Fuß", "verbruhung am fuss")]
    [InlineData("queimadura na mão", "queimadura na mao")]
    public void Translate_IgnoresAccentsAndCase(string withAccents, string without)
    {
        var a = s_glossary.Translate(withAccents, Lang(withAccents), "en");
        var b = s_glossary.Translate(without.ToUpperInvariant(), Lang(withAccents), "en");

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("Tiene un golpe de calor", "es", "heat stroke", "hit")]
    [InlineData("golpes de calor", "es", "heat stroke", "hit")]
    [InlineData("primeros auxilios para quemaduras", "es", "first aid", "help")]
    [InlineData("un coup de chaleur", "fr", "heat stroke", "hit")]
    [InlineData("Erste Hilfe bei Verbrennungen", "de", "first aid", "help")]
    [InlineData("no respira", "es", "not breathing", "breathing")]
    [InlineData("pierna rota", "es", "broken leg", "leg")]
    public void Translate_PrefersTheLongestPhrase(string query, string from, string expected, string notExpected)
    {
        var terms = s_glossary.Translate(query, from, "en");

        Assert.Contains(expected, terms);
        Assert.DoesNotContain(notExpected, terms);
    }

    [Theory]
    [InlineData("picaduras de abejas", "es", new[] { "sting", "bee" })]
    [InlineData("quemaduras en las piernas", "es", new[] { "burn", "leg" })]
    [InlineData("morsures de chiens", "fr", new[] { "bite", "dog" })]
    [InlineData("Hornissenstiche", "de", new[] { "sting", "wasp" })]
    [InlineData("Wasserfilter bauen", "de", new[] { "filter water", "make" })]
    public void Translate_InflectedFormsAndCompounds_StillMatch(string query, string from, string[] expected)
    {
        var terms = s_glossary.Translate(query, from, "en");

        output.WriteLine(string.Join(" | ", terms));
        AssertNames(terms, expected);
    }

    [Fact]
    public void Translate_UnknownWords_AreSkipped()
    {
        var terms = s_glossary.Translate("xyzzy blorf agua qwerty", "es", "en");

        Assert.Equal(["water"], terms);
        Assert.Empty(s_glossary.Translate("xyzzy blorf", "es", "en"));
        Assert.Empty(s_glossary.Translate("", "es", "en"));
        Assert.Empty(s_glossary.Translate("¿Cómo?", "es", "en"));
    }

    [Fact]
    public void Translate_ToItalian_And_MaxTermsPerConcept()
    {
        Assert.Contains("colpo di calore", s_glossary.Translate("golpe de calor", "es", "it"));

        var one = s_glossary.Translate("quemadura de medusa", "es", "en", maxTermsPerConcept: 1);
        Assert.Equal(["burn", "jellyfish"], one);
    }

    [Fact]
    public void Translate_UnsupportedLanguage_GivesNothing()
    {
        Assert.Empty(s_glossary.Translate("agua", "xx", "en"));
        Assert.Empty(s_glossary.Translate("agua", "es", "xx"));
    }

    [Fact]
    public void Supports_TheSixLanguages()
    {
        Assert.All(["en", "it", "es", "fr", "de", "pt"], l => Assert.True(s_glossary.Supports(l), l));
        Assert.False(s_glossary.Supports("ja"));
        Assert.False(s_glossary.Supports(""));
    }

    [Theory]
    [InlineData("agua xyzzy", "es", 0.5)]
    [InlineData("¿Cómo se purifica el agua con lejía?", "es", 1.0)]
    [InlineData("golpe de calor", "es", 1.0)]
    [InlineData("xyzzy blorf", "es", 0.0)]
    [InlineData("¿cómo?", "es", 0.0)]
    [InlineData("agua", "xx", 0.0)]
    public void Coverage_IsTheShareOfKnownContentWords(string query, string from, double expected)
    {
        Assert.Equal(expected, s_glossary.Coverage(query, from), 3);
    }

    [Fact]
    public void Default_IsLoadedOnce_AndThreadSafe()
    {
        var instances = new QueryGlossary[8];
        Parallel.For(0, instances.Length, i => instances[i] = QueryGlossary.Default);

        Assert.All(instances, g => Assert.Same(s_glossary, g));
    }

    [Fact]
    public void Yaml_IsWellFormed()
    {
        var concepts = s_glossary.Concepts;

        Assert.True(concepts.Count >= 400, $"{concepts.Count} concepts");
        Assert.All(concepts, c =>
        {
            Assert.True(c.Terms.TryGetValue("en", out var en) && en.Count > 0, $"line {c.Line}: no English term");
            Assert.All(c.Terms, kv =>
            {
                Assert.True(kv.Key is "en" or "it" or "es" or "fr" or "de" or "pt", $"line {c.Line}: unknown language {kv.Key}");
                Assert.True(kv.Value.Count > 0, $"line {c.Line}: empty {kv.Key} list");
                Assert.All(kv.Value, t => Assert.False(string.IsNullOrWhiteSpace(t), $"line {c.Line}: empty {kv.Key} term"));
            });
        });
        foreach (var language in new[] { "en", "it", "es", "fr", "de", "pt" })
        {
            output.WriteLine($"{language}: {concepts.Count(c => c.Terms.ContainsKey(language))} concepts, {concepts.Sum(c => c.Terms.GetValueOrDefault(language)?.Count ?? 0)} terms");
        }
    }

    [Fact]
    public void Yaml_NoTermBelongsToTwoConcepts_UnlessIntended()
    {
        var ambiguities = s_glossary.Ambiguities();
        foreach (var (language, term, concepts) in ambiguities)
        {
            output.WriteLine($"{language}:{term} → {string.Join(", ", concepts)}");
        }

        Assert.All(ambiguities, a => Assert.Contains($"{a.Language}:{a.Term}", s_intendedAmbiguities));
    }

    [Fact]
    public void Parse_AcceptsScalarsAndSkipsFunctionWordOnlyTerms()
    {
        var glossary = QueryGlossary.Parse("""
            - en: water
              es: [agua, el]
            """);

        Assert.Equal(["water"], glossary.Translate("el agua", "es", "en"));
        Assert.Empty(glossary.Translate("el", "es", "en"));
    }

    /// <summary>Each expected word or phrase is one of the terms or a whole word of one ("dog bite" names "bite").</summary>
    private static void AssertNames(IReadOnlyList<string> terms, string[] expected)
    {
        var text = " " + string.Join(" | ", terms).Replace(" | ", " ", StringComparison.Ordinal) + " ";
        Assert.All(expected, e => Assert.True(terms.Contains(e) || text.Contains($" {e} ", StringComparison.Ordinal), $"{e} not in [{string.Join(", ", terms)}]"));
    }

    private static string Lang(string text) => text switch
    {
        _ when text.Contains('ß') || text.Contains("Verbr", StringComparison.Ordinal) => "de",
        _ when text.Contains("brûlure", StringComparison.Ordinal) => "fr",
        _ when text.Contains("queimadura", StringComparison.Ordinal) => "pt",
        _ => "es",
    };
}

/// <summary>Questions in es/fr/de/pt, translated by the glossary, searched in the English and Italian store.</summary>
public sealed class QueryGlossaryRetrievalTests(QueryGlossaryRetrievalTests.EngineFixture engine, ITestOutputHelper output)
    : IClassFixture<QueryGlossaryRetrievalTests.EngineFixture>
{
    [Theory]
    [InlineData("es", 40)]
    [InlineData("fr", 20)]
    [InlineData("de", 20)]
    [InlineData("pt", 10)]
    public async Task CrossLingualQuestions_FindTheProtocolInTheTop3(string language, int minimumQuestions)
    {
        var questions = LoadQuestions().Where(q => q.Language == language).ToList();
        Assert.True(questions.Count >= minimumQuestions, $"{questions.Count} {language} questions");

        var hits = 0;
        var untranslatedHits = 0;
        foreach (var (_, question, expected) in questions)
        {
            var terms = QueryGlossary.Default.Translate(question, language, "en");
            var top = await Top3(string.Join(' ', terms));
            if ((await Top3(question)).Contains(expected))
            {
                untranslatedHits++;
            }

            if (top.Contains(expected))
            {
                hits++;
            }
            else
            {
                output.WriteLine($"MISS {question} → [{string.Join(", ", terms)}] → {string.Join(", ", top)} (want {expected})");
            }
        }

        var hitAt3 = (double)hits / questions.Count;
        output.WriteLine($"{language}: hit@3 = {hits}/{questions.Count} = {hitAt3:F3} (the question searched as it is: {untranslatedHits}/{questions.Count})");
        Assert.True(hitAt3 >= 0.9, $"{language}: hit@3 {hitAt3:F3}");
    }

    private async Task<List<string>> Top3(string query)
    {
        var result = await engine.Engine.Get<Retriever>().SearchAsync(
            new SearchRequest { Query = query, Languages = ["en", "it"], TopK = 3 },
            CancellationToken.None);
        return result.Hits.Take(3).Select(h => ProtocolId(h.DocumentId)).ToList();
    }

    private static string ProtocolId(string documentId)
    {
        var dot = documentId.LastIndexOf('.');
        return dot > 0 ? documentId[..dot] : documentId;
    }

    private static List<(string Language, string Question, string Expected)> LoadQuestions() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "SigmaNex.Core.Tests", "Language", "crosslingual-queries.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2]))
            .ToList();

    /// <summary>One engine with the shipped library for all the questions.</summary>
    public sealed class EngineFixture : IAsyncLifetime
    {
        public TestEngine Engine { get; private set; } = null!;

        public async Task InitializeAsync() => Engine = await TestEngine.StartAsync();

        public async Task DisposeAsync() => await Engine.DisposeAsync();
    }
}

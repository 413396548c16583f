using System.Diagnostics;
using SigmaNex.Core.Evaluation;
using SigmaNex.Core.Language;

namespace SigmaNex.Core.Tests.Language;

public sealed class NgramLanguageDetectorTests
{
    private static readonly NgramLanguageDetector s_detector = new();

    [Theory]
    [InlineData("en", "The children were playing in the garden while their parents cooked dinner.")]
    [InlineData("it", "I bambini giocavano in giardino mentre i genitori preparavano la cena.")]
    [InlineData("es", "Los niños jugaban en el jardín mientras sus padres preparaban la cena.")]
    [InlineData("fr", "Les enfants jouaient dans le jardin pendant que leurs parents préparaient le dîner.")]
    [InlineData("de", "Die Kinder spielten im Garten, während ihre Eltern das Abendessen kochten.")]
    [InlineData("pt", "As crianças brincavam no jardim enquanto os pais preparavam o jantar.")]
    [InlineData("nl", "De kinderen speelden in de tuin terwijl hun ouders het avondeten kookten.")]
    [InlineData("ro", "Copiii se jucau în grădină în timp ce părinții pregăteau cina.")]
    [InlineData("pl", "Dzieci bawiły się w ogrodzie, a rodzice przygotowywali kolację.")]
    [InlineData("ru", "Дети играли в саду, пока родители готовили ужин.")]
    [InlineData("uk", "Діти гралися в саду, поки батьки готували вечерю.")]
    [InlineData("ar", "كان الأطفال يلعبون في الحديقة بينما كان والداهم يحضرون العشاء.")]
    [InlineData("tr", "Anne ve babaları akşam yemeğini hazırlarken çocuklar bahçede oynuyordu.")]
    [InlineData("el", "Τα παιδιά έπαιζαν στον κήπο ενώ οι γονείς τους μαγείρευαν το βραδινό.")]
    [InlineData("sv", "Barnen lekte i trädgården medan föräldrarna lagade middag.")]
    [InlineData("da", "Børnene legede i haven, mens forældrene lavede aftensmad.")]
    [InlineData("fi", "Lapset leikkivät puutarhassa, kun vanhemmat laittoivat illallista.")]
    [InlineData("cs", "Děti si hrály na zahradě, zatímco rodiče vařili večeři.")]
    [InlineData("hu", "A gyerekek a kertben játszottak, amíg a szüleik vacsorát főztek.")]
    [InlineData("he", "הילדים שיחקו בגינה בזמן שההורים שלהם בישלו ארוחת ערב.")]
    [InlineData("hi", "बच्चे बगीचे में खेल रहे थे जबकि उनके माता-पिता खाना बना रहे थे।")]
    [InlineData("ja", "両親が夕食を作っている間、子どもたちは庭で遊んでいました。")]
    [InlineData("zh", "孩子们在花园里玩，父母在做晚饭。")]
    public void Detect_Sentence_NamesItsLanguage(string expected, string text)
    {
        var guess = s_detector.Detect(text);

        Assert.Equal(expected, guess.Language);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
        Assert.Equal(expected, guess.Candidates[0].Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("123")]
    [InlineData("42 + 7 = 49 !!")]
    [InlineData("🙂🚑🔥")]
    [InlineData("ok 👍")]
    public void Detect_TooLittleText_IsUndetermined(string text)
    {
        var guess = s_detector.Detect(text);

        Assert.Equal(LanguageGuess.Undetermined, guess.Language);
        Assert.False(guess.IsKnown);
        Assert.Equal(0, guess.Confidence);
    }

    [Fact]
    public void Detect_UnsupportedScript_IsUndetermined()
    {
        Assert.Equal(LanguageGuess.Undetermined, s_detector.Detect("ฉันต้องการความช่วยเหลือ").Language);
    }

    [Theory]
    [InlineData("ru", "мы ещё не съели этот обед")]
    [InlineData("uk", "ми ще не з'їли цей обід")]
    [InlineData("ru", "где здесь больница")]
    [InlineData("uk", "де тут лікарня")]
    public void Detect_RussianAndUkrainian_AreToldApart(string expected, string text)
    {
        Assert.Equal(expected, s_detector.Detect(text).Language);
    }

    [Theory]
    [InlineData("pt", "não consigo respirar bem")]
    [InlineData("es", "no puedo respirar bien")]
    [InlineData("pt", "O meu irmão está com muita dor de cabeça desde ontem.")]
    [InlineData("es", "Mi hermano tiene mucho dolor de cabeza desde ayer.")]
    public void Detect_PortugueseAndSpanish_AreToldApart(string expected, string text)
    {
        Assert.Equal(expected, s_detector.Detect(text).Language);
    }

    [Fact]
    public void Detect_ConfidenceGrowsWithEvidence_AndCandidatesAreOrdered()
    {
        var shortGuess = s_detector.Detect("dolore forte");
        var longGuess = s_detector.Detect("Ho un dolore forte alla pancia da questa mattina e non riesco a mangiare niente.");

        Assert.Equal("it", longGuess.Language);
        Assert.True(longGuess.Confidence >= shortGuess.Confidence, $"{longGuess.Confidence} < {shortGuess.Confidence}");
        foreach (var guess in new[] { shortGuess, longGuess })
        {
            var scores = guess.Candidates.Select(c => c.Score).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
            Assert.All(scores, s => Assert.InRange(s, 0, 1));
            Assert.True(scores.Sum() <= 1.0001);
        }
    }

    [Fact]
    public void Detect_MixedScripts_AreUndetermined()
    {
        Assert.Equal(LanguageGuess.Undetermined, s_detector.Detect("hello привет").Language);
    }

    [Fact]
    public void Detect_ReturnsTheSameAnswerFromManyThreads()
    {
        var fresh = new NgramLanguageDetector();
        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => fresh.Detect("wo ist das nächste Krankenhaus").Language).Distinct().ToList();

        Assert.Equal(["de"], results);
    }

    [Theory]
    [InlineData("en", "stop bleeding fast")]
    [InlineData("en", "bee sting")]
    [InlineData("en", "burn treatment")]
    [InlineData("en", "broken leg")]
    [InlineData("en", "heart attack signs")]
    [InlineData("en", "panic attack")]
    [InlineData("it", "puntura di ape")]
    [InlineData("es", "picadura de abeja")]
    [InlineData("fr", "piqûre d'abeille")]
    [InlineData("de", "Bienenstich")]
    [InlineData("nl", "wond schoonmaken")]
    [InlineData("pl", "ugryzienie psa")]
    [InlineData("ru", "укус змеи")]
    [InlineData("uk", "укус змії")]
    public void Detect_ShortFirstAidQuery_NamesItsLanguage(string expected, string text)
    {
        Assert.Equal(expected, s_detector.Detect(text).Language);
    }

    [Fact]
    public void Detect_WithoutDictionaries_StillWorksOnSentences()
    {
        var plain = new NgramLanguageDetector(null, WordSets.Empty);

        Assert.Equal("de", plain.Detect("Die Kinder spielten im Garten, während ihre Eltern das Abendessen kochten.").Language);
    }

    [Fact]
    public void WordSets_HashMatchesTheGenerator()
    {
        // tools/language/make_wordsets.py: fnv("bienenstich") == 0xcf4fd383b2368ce1.
        Assert.Equal(0xCF4FD383B2368CE1UL, WordSets.Hash("bienenstich"));
        Assert.Equal(0x496FC90A70977E40UL, WordSets.Hash("укус"));
    }

    [Fact]
    public void WordSets_KnowDictionaryWords()
    {
        var en = WordSets.Default.For("en");
        var ru = WordSets.Default.For("ru");

        Assert.NotNull(en);
        Assert.NotNull(ru);
        Assert.True(en.MayContain(WordSets.Hash("bleeding")));
        Assert.False(en.MayContain(WordSets.Hash("krvácení")));
        Assert.True(ru.MayContain(WordSets.Hash("укус")));
        Assert.Null(WordSets.Default.For("zh"));
    }

    [Fact]
    public void Detect_ShortQuery_IsFast()
    {
        s_detector.Detect("warm up");
        const int Runs = 2000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            s_detector.Detect("how to treat a burn");
        }

        // The target is 0.2 ms; the bound is loose so a busy test machine does not fail it.
        Assert.True(clock.Elapsed.TotalMilliseconds / Runs < 2, $"{clock.Elapsed.TotalMilliseconds / Runs:0.000} ms per detection");
    }

    [Fact]
    public void Languages_CoverTheTwentyThree()
    {
        Assert.Equal(
            ["ar", "cs", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "it", "ja", "nl", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "zh"],
            s_detector.Languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluation_CountsPerLanguageKindAndConfusion()
    {
        var dir = Directory.CreateTempSubdirectory("lang-eval");
        try
        {
            var path = Path.Combine(dir.FullName, "set.tsv");
            File.WriteAllLines(path,
            [
                "# comment",
                "en\tWhere can I find clean drinking water around here?\tsentence",
                "it\tdove trovo acqua\tquery",
                "de\tok\tquery",
                "fr\tcourt",
            ]);

            var cases = LanguageEvaluation.Read(path);
            var report = LanguageEvaluation.Evaluate(cases, s_detector);

            Assert.Equal(4, report.Overall.Texts);
            Assert.Equal(["sentence", "query", "query", "short"], cases.Select(c => c.Kind));
            Assert.Equal(2, report.ByKind["query"].Texts);
            Assert.Equal(1, report.ByLanguage["de"].Undetermined);
            Assert.Contains(report.Confusions, c => c.Expected == "de" && c.Got == "und");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Evaluation_BadLine_NamesTheLine()
    {
        var dir = Directory.CreateTempSubdirectory("lang-eval");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.tsv");
            File.WriteAllLines(path, ["en\tfine text here", "no tab on this line"]);

            var ex = Assert.Throws<SigmaException>(() => LanguageEvaluation.Read(path));
            Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

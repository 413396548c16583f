using SigmaNex.Core.Text;

namespace SigmaNex.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Analyze_English_StemsAndDropsStopWords() =>
        Assert.Equal(["bleed", "heavili", "wound"], TextAnalyzer.Analyze("He is bleeding heavily from the wound", "en"));

    [Fact]
    public void Analyze_Italian_HandlesElisionAccentsAndInflection()
    {
        var a = TextAnalyzer.Analyze("Dell'emorragia potabile: è possibile?", "it");
        var b = TextAnalyzer.Analyze("emorragie potabili", "it");

        Assert.Equal(["emorrag", "potabil", "possibil"], a);
        Assert.Equal(a.Take(2), b);
    }

    [Fact]
    public void AnalyzeQuery_KeepsEveryLanguagesForm_OfEachWord()
    {
        var q = TextAnalyzer.AnalyzeQuery("emorragie bleeding", ["it", "en"]);

        Assert.Equal(["emorragie", "bleeding"], q.Words);
        Assert.Contains("emorrag", q.Terms);
        Assert.Contains("bleed", q.Terms);
    }

    [Theory]
    [InlineData("Città", "citta")]
    [InlineData("STRASSE", "strasse")]
    [InlineData("Straße", "strasse")]
    [InlineData("naïve", "naive")]
    public void Fold_RemovesCaseAndAccents(string input, string expected) => Assert.Equal(expected, TextFolding.Fold(input));

    [Theory]
    [InlineData("Severe BLEEDING from the leg: press hard, don't let go!", "en")]
    [InlineData("Città, perché l'emorragia è GRAVE? Premi forte sulla ferita.", "it")]
    [InlineData("Straße ǅemal naïve 42 a b x9 İstanbul", "de")]
    [InlineData("", "en")]
    public void AnalyzeToText_IsAnalyzeJoinedBySpaces(string text, string language) =>
        Assert.Equal(string.Join(' ', TextAnalyzer.Analyze(text, language)), TextAnalyzer.AnalyzeToText(text, language));

    [Fact]
    public void Embed_WordThatFoldsLongerThanATokenMayBe_IsEmbeddedNotRefused()
    {
        var embedder = new Core.Retrieval.Embeddings.BuiltinEmbeddingGenerator();

        var v = embedder.Embed(new string('ß', Tokenizer.MaxTokenLength) + " water");

        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
    }
}

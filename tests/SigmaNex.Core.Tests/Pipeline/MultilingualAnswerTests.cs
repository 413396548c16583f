using SigmaNex.Core.Configuration;
using SigmaNex.Core.Pipeline;
using SigmaNex.Core.Tests.Translation;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Pipeline;

/// <summary>Answers in the reader's language: the knowledge base's own languages, and the others.</summary>
public sealed class MultilingualAnswerTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync("backend: knowledge\n");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task SpanishEmergency_WithoutATranslator_ShowsTheEnglishProtocol_WithSpanishPhrasesAndANotice()
    {
        var (events, result) = await Collect("mi amigo no respira y no responde");

        var card = Assert.IsType<EmergencyCardEvent>(events[0]).Card;
        Assert.Equal("es", result.Language);
        Assert.Equal("Emergencia: llama ya al 112 o pide a otra persona que llame.", card.CallLine);
        Assert.StartsWith("_Este contenido está en inglés; no hay versión en tu idioma._", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Qué hacer**", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Qué no hacer**", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("chest", card.Markdown, StringComparison.Ordinal);
        Assert.Equal("en", card.Language);
        Assert.Contains("Este contenido está en inglés", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpanishQuestion_WithoutATranslator_ComposesFromEnglishProtocols_WithSpanishHeadingsAndNotice()
    {
        var (events, result) = await Collect("¿Cuánto tiempo hay que hervir el agua para poder beberla sin peligro?");

        Assert.DoesNotContain(events, e => e is EmergencyCardEvent);
        Assert.Equal("es", result.Language);
        Assert.Equal("water-boiling.en", result.Sources[0].Id);
        Assert.StartsWith("_Este contenido está en inglés; no hay versión en tu idioma._", result.Answer, StringComparison.Ordinal);
        Assert.Contains("**Qué hacer**", result.Answer, StringComparison.Ordinal);
        Assert.Contains("**Qué no hacer**", result.Answer, StringComparison.Ordinal);
        Assert.Contains(result.Notices, n => n.StartsWith("translation: searched the knowledge base with the glossary", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr", "Comment purifier l'eau avec de l'eau de javel ?", "water-chlorine.en", "**Que faire**")]
    [InlineData("de", "Wie lange muss ich Wasser abkochen, damit man es trinken kann?", "water-boiling.en", "**Was zu tun ist**")]
    public async Task FrenchAndGermanQuestions_FindTheEnglishProtocol_UnderTheirOwnHeadings(string language, string question, string source, string heading)
    {
        var (_, result) = await Collect(question);

        Assert.Equal(language, result.Language);
        Assert.Equal(source, result.Sources[0].Id);
        Assert.Contains(heading, result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpanishEmergency_WithAMarianModel_TranslatesTheProtocol_KeepingDosesNumbersAndDrugNames()
    {
        CopyMarian();

        var (events, result) = await Collect("mi hermano tiene una reacción alérgica grave, no puede respirar y tiene la cara hinchada");

        var card = Assert.IsType<EmergencyCardEvent>(events[0]).Card;
        Assert.Equal("anaphylaxis", card.ProtocolId);
        Assert.Equal("es", card.Language);
        Assert.StartsWith("_Traducción automática del original en inglés (marian:en-es)", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("adrenalina", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("112", card.CallLine, StringComparison.Ordinal);
        Assert.Contains("**Qué hacer**", card.Markdown, StringComparison.Ordinal);
        Assert.Equal("anaphylaxis.en", result.Sources[0].Id);
    }

    [Fact]
    public async Task Marian_KeepsEveryDoseOfTheProtocol_Exactly()
    {
        CopyMarian();

        var (events, _) = await Collect("mi padre tiene un dolor fuerte en el pecho que le baja por el brazo izquierdo");

        var card = Assert.IsType<EmergencyCardEvent>(events[0]).Card;
        Assert.Equal("heart-attack", card.ProtocolId);
        Assert.StartsWith("_Traducción automática", card.Markdown, StringComparison.Ordinal);
        foreach (var dose in new[] { "300 mg", "500 mg", "100 mg" })
        {
            Assert.Contains(dose, card.Markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CorruptMarianModel_NamesTheFile_AndTheAnswerStillComes()
    {
        CopyMarian();
        var folder = Path.Combine(_engine.Get<SigmaPaths>().ModelsDirectory, "marian", "en-es");
        await File.WriteAllTextAsync(Path.Combine(folder, "decoder_model.onnx"), "this is not an onnx model");

        var (events, result) = await Collect("mi amigo no respira y no responde");

        var card = Assert.IsType<EmergencyCardEvent>(events[0]).Card;
        Assert.StartsWith("_Este contenido está en inglés", card.Markdown, StringComparison.Ordinal);
        Assert.Contains("chest", card.Markdown, StringComparison.Ordinal);
        Assert.Contains(result.Notices, n => n.StartsWith("translation: ", StringComparison.Ordinal) && n.Contains("decoder_model.onnx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TranslationDisabled_ShowsTheOriginal_WithTheNotice()
    {
        await using var engine = await TestEngine.StartAsync("backend: knowledge\ntranslation_enabled: false\n");
        TranslationFixtures.CopyModelTo(engine.Get<SigmaPaths>().ModelsDirectory);

        var result = await engine.Get<Runner>().AskAsync(new AskRequest { Question = "mi amigo no respira y no responde" }, CancellationToken.None);

        Assert.Contains("Este contenido está en inglés", result.Answer, StringComparison.Ordinal);
    }

    private void CopyMarian() => TranslationFixtures.CopyModelTo(_engine.Get<SigmaPaths>().ModelsDirectory);

    private Task<(List<AnswerEvent> Events, AnswerResult Result)> Collect(string question) =>
        _engine.CollectAsync(new AskRequest { Question = question });
}

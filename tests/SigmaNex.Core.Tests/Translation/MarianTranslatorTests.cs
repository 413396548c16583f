using System.Text.Json;
using SigmaNex.Core.Translation;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Translation;

/// <summary>The Marian code path on the tiny en-es model, which is laid out exactly like an Optimum export.</summary>
public sealed class MarianTranslatorTests : IDisposable
{
    private static readonly JsonElement s_expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TranslationFixtures.Models, "expected.json")))
        .RootElement.GetProperty("marian_en_es");

    private readonly MarianModel _model = MarianModel.Load(TranslationFixtures.EnEs);

    public static TheoryData<int> Beams => new() { 1, 4 };

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Encode_MapsPiecesThroughVocabJson_NotSentencePieceIds()
    {
        foreach (var example in s_expected.GetProperty("examples").EnumerateArray())
        {
            var source = example.GetProperty("source").GetString()!;
            var pieces = example.GetProperty("source_pieces").EnumerateArray().Select(e => e.GetString()!).ToList();
            var ids = example.GetProperty("input_ids").EnumerateArray().Select(e => e.GetInt32()).ToList();

            Assert.Equal(pieces, _model.Pieces(source));
            Assert.Equal(ids, _model.Encode(source));
        }

        // "▁take" is 41 in source.spm but 40 in vocab.json: the model must see 40.
        Assert.Equal(40, _model.Encode("take")[0]);
        Assert.Equal(_model.EosId, _model.Encode("take")[^1]);
    }

    [Fact]
    public void Encode_UnknownPieceBecomesUnk()
    {
        var ids = _model.Encode("QQQ boil");
        Assert.Contains(_model.UnkId, ids);
        Assert.Equal(1, _model.UnkId);
    }

    [Fact]
    public void Config_IsReadFromConfigJson()
    {
        Assert.Equal(333, _model.PadId);
        Assert.Equal(333, _model.DecoderStartId);
        Assert.Equal(0, _model.EosId);
        Assert.Equal(64, _model.Config.MaxLength);
        Assert.Equal(1, _model.Config.NumBeams);
        Assert.Equal(334, _model.Config.VocabSize);
    }

    [Theory]
    [MemberData(nameof(Beams))]
    public void Generate_GivesTheReferenceIdsAndText(int beams)
    {
        foreach (var example in s_expected.GetProperty("examples").EnumerateArray())
        {
            var input = example.GetProperty("input_ids").EnumerateArray().Select(e => e.GetInt32()).ToList();
            var output = example.GetProperty("output_ids").EnumerateArray().Select(e => e.GetInt32()).ToList();

            var ids = _model.Generate([input], beams, null, CancellationToken.None)[0];

            Assert.Equal(output.Take(output.Count - 1), ids); // without the closing </s>
            Assert.Equal(example.GetProperty("translation").GetString(), _model.Decode(ids));
        }
    }

    [Theory]
    [MemberData(nameof(Beams))]
    public void Batch_OfThreeSentencesOfDifferentLengths_EqualsOneByOne(int beams)
    {
        string[] sentences = ["boil the water.", "take 1 tablet of ibuprofen every 8 hours.", "call 112 now."];

        var batch = _model.Translate(sentences, beams, CancellationToken.None);
        var single = sentences.Select(s => _model.Translate([s], beams, CancellationToken.None)[0]).ToList();

        Assert.Equal(single, batch);
        Assert.Equal(["hervir el agua.", "tomar 1 tableta de ibuprofeno cada 8 horas.", "llamar 112 ahora."], batch);
    }

    [Theory]
    [MemberData(nameof(Beams))]
    public async Task Translator_GreedyAndBeam_GiveTheExpectedTranslations(int beams)
    {
        var translator = new MarianTranslator("en", "es", _model, TermProtector.Default);
        foreach (var example in s_expected.GetProperty("examples").EnumerateArray())
        {
            var result = await translator.TranslateAsync(new TranslationRequest(example.GetProperty("source").GetString()!, "en", "es", beams), CancellationToken.None);

            Assert.Equal(example.GetProperty("translation").GetString(), result.Text);
            Assert.Equal("marian:en-es", result.Engine);
            Assert.False(result.FellBack, string.Join("; ", result.Notices));
        }
    }

    [Fact]
    public async Task Translator_KeepsDosesEmergencyNumbersAndUsesTheDrugsTargetName()
    {
        var translator = new MarianTranslator("en", "es", _model, TermProtector.Default);

        var result = await translator.TranslateAsync(new TranslationRequest("take 500 mg of paracetamol. call 112 now. give adrenaline now.", "en", "es"), CancellationToken.None);

        Assert.Equal("tomar 500 mg de paracetamol. llamar 112 ahora. dar adrenalina ahora.", result.Text);
        Assert.False(result.FellBack);
    }

    [Fact]
    public async Task Translator_LongText_IsSplitIntoSentencesAndKeepsParagraphs()
    {
        var translator = new MarianTranslator("en", "es", _model, TermProtector.Default) { BatchSize = 2 };
        var text = "boil the water.\n\ntake 1 tablet with water. drink water every 2 hours.\n- call the doctor now.\n";

        var runs = _model.EncoderRuns;
        var result = await translator.TranslateAsync(new TranslationRequest(text, "en", "es"), CancellationToken.None);

        Assert.Equal("hervir el agua.\n\ntomar 1 tableta con agua. beber agua cada 2 horas.\n- llamar el médico ahora.\n", result.Text);
        Assert.Equal(2, _model.EncoderRuns - runs); // four sentences, two per batch
    }

    [Fact]
    public async Task Translator_SentenceLongerThanTheLimit_IsCutAndStillTranslated()
    {
        var translator = new MarianTranslator("en", "es", _model, TermProtector.Default) { MaxSentenceTokens = 6 };

        var result = await translator.TranslateAsync(new TranslationRequest("stop the bleeding with a clean cloth and cover the wound with a clean cloth.", "en", "es"), CancellationToken.None);

        Assert.Equal("detener el sangrado con un limpiar tela y cubrir el herida con un limpiar tela.", result.Text);
    }

    [Fact]
    public void Segmenter_JoinsBackToTheSameText()
    {
        const string text = "  First. Second!  Third?\n\n\tNext paragraph: 37.5 °C, 30:2.\r\nLast line";
        var segments = TextSegmenter.Split(text);

        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["First.", "Second!", "Third?", "Next paragraph: 37.5 °C, 30:2.", "Last line"], segments.Where(s => s.IsSentence).Select(s => s.Text));
    }
}

using SigmaNex.Core.Translation;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Translation;

/// <summary>A broken model folder is refused with a message naming the file.</summary>
public sealed class MarianModelFolderTests
{
    [Theory]
    [InlineData("decoder_model.onnx")]
    [InlineData("encoder_model.onnx")]
    [InlineData("vocab.json")]
    [InlineData("config.json")]
    [InlineData("source.spm")]
    [InlineData("target.spm")]
    public void MissingFile_IsNamed(string file)
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        File.Delete(Path.Combine(folder, file));

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.StartsWith($"Marian model {folder}: {file} is missing", ex.Message);
        Assert.Equal(SigmaErrorKind.Configuration, ex.Kind);
    }

    [Fact]
    public void VocabJsonThatIsNotJson_GivesTheLine()
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        File.WriteAllText(Path.Combine(folder, "vocab.json"), "{\n  \"</s>\": 0,\n  \"<unk>\": oops\n}");

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.Equal($"Marian model {folder}: vocab.json is not valid JSON (line 3)", ex.Message);
    }

    [Fact]
    public void CorruptOnnxFile_SaysItCouldNotBeLoaded()
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        File.WriteAllBytes(Path.Combine(folder, "encoder_model.onnx"), [1, 2, 3, 4, 5, 6, 7, 8]);

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.StartsWith($"Marian model {folder}: encoder_model.onnx could not be loaded: ", ex.Message);
    }

    [Fact]
    public void CorruptSentencePieceModel_IsNamed()
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        File.WriteAllText(Path.Combine(folder, "source.spm"), "not a protobuf at all \u00ff\u00fe");

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.StartsWith($"Marian model {folder}: source.spm is not a valid SentencePiece model", ex.Message);
    }

    [Fact]
    public void BadConfigValue_IsNamed()
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        var config = File.ReadAllText(Path.Combine(folder, "config.json")).Replace("\"num_beams\": 1", "\"num_beams\": \"four\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "config.json"), config);

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.Equal($"Marian model {folder}: config.json is not usable: num_beams must be a non-negative integer (got \"four\")", ex.Message);
    }

    [Fact]
    public void EncoderInPlaceOfTheDecoder_IsRefusedWithWhatItLacks()
    {
        using var temp = new TempDirectory("marian");
        var folder = TranslationFixtures.CopyModel(temp);
        File.Copy(Path.Combine(folder, "encoder_model.onnx"), Path.Combine(folder, "decoder_model.onnx"), overwrite: true);

        var ex = Assert.Throws<SigmaException>(() => MarianModel.Load(folder));

        Assert.Contains("decoder_model.onnx is not a Marian decoder: it lacks encoder_hidden_states, logits", ex.Message);
    }

    [Fact]
    public void Catalog_ListsPairsAndReportsBrokenOnes()
    {
        using var temp = new TempDirectory("marian");
        TranslationFixtures.CopyModel(temp);
        var broken = temp.Folder(Path.Combine("models", "marian", "es-en"));
        temp.Folder(Path.Combine("models", "marian", "not-a-pair-name"));
        using var catalog = MarianModelCatalog.ForModels(temp.File("models"));

        var checks = catalog.Check();

        Assert.Equal(["en-es", "es-en"], checks.Select(c => c.Pair.Name));
        Assert.NotNull(checks[0].Model);
        Assert.Null(checks[1].Error is null ? "no error" : null);
        Assert.Equal($"Marian model {broken}: encoder_model.onnx is missing", checks[1].Error);
        Assert.Same(checks[0].Model, catalog.Get("en", "es"));
    }
}

using System.Text.Json;
using SigmaNex.Tests;

namespace SigmaNex.Cli.Tests;

/// <summary><c>sigma translate</c> and the Marian lines of <c>sigma self-check</c>, with the tiny en-es model in the data folder.</summary>
public sealed class TranslateCommandTests : IDisposable
{
    private readonly CliHarness _cli = new("translate");
    private readonly string _config;
    private readonly string _modelFolder;

    public TranslateCommandTests()
    {
        // The data folder's models/marian/en-es, as an install would have it; no chat backend, so nothing is probed.
        _modelFolder = Path.Combine(_cli.DataDirectory, "models", "marian", "en-es");
        Directory.CreateDirectory(_modelFolder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "models", "marian", "en-es")))
        {
            File.Copy(file, Path.Combine(_modelFolder, Path.GetFileName(file)));
        }

        _config = _cli.Temp.Write("config.yaml", "backend: knowledge\n");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Json_WithTheTinyModel_KeepsDoseAndEmergencyNumber()
    {
        var r = await _cli.RunAsync("--config", _config, "translate", "take 500 mg of paracetamol. call 112 now.", "--to", "es", "--from", "en", "--json");

        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("tomar 500 mg de paracetamol. llamar 112 ahora.", root.GetProperty("text").GetString());
        Assert.Equal("marian:en-es", root.GetProperty("engine").GetString());
        Assert.Equal("en", root.GetProperty("from").GetString());
        Assert.False(root.GetProperty("fell_back").GetBoolean());
        Assert.Equal(0, root.GetProperty("notices").GetArrayLength());
    }

    [Fact]
    public async Task Text_WithBeamAndDetectedLanguage_PrintsTheTranslationAndTheEngine()
    {
        var r = await _cli.RunAsync("--config", _config, "translate", "--to", "es", "--beam", "3", "--", "call the doctor now and keep the patient warm.");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("llamar el médico ahora y mantener el paciente caliente.\n", r.Out);
        Assert.Contains("engine: marian:en-es (en → es)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTranslatorForThePair_Exits1AndSaysWhereAModelGoes()
    {
        var r = await _cli.RunAsync("--config", _config, "translate", "Call 112 now", "--from", "en", "--to", "de");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"no translator for en → de: put a Marian model (ONNX export) in {Path.Combine(_cli.DataDirectory, "models", "marian", "en-de")}/", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "xx")]
    [InlineData("--to", "english")]
    [InlineData("--beam", "0")]
    [InlineData("--from", "zz")]
    public async Task BadOptions_Exit2WithOneLine(string option, string value)
    {
        string[] args = option == "--to"
            ? ["--config", _config, "translate", "boil the water.", "--to", value]
            : ["--config", _config, "translate", "boil the water.", "--to", "es", option, value];

        var r = await _cli.RunAsync(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task EmptyOrOversizedText_Exits2()
    {
        var empty = await _cli.RunAsync("--config", _config, "translate", "   ", "--to", "es");
        var huge = await _cli.RunAsync("--config", _config, "translate", new string('a', 20_000), "--to", "es", "--from", "en");
        var missingTo = await _cli.RunAsync("--config", _config, "translate", "boil the water.");

        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("empty", empty.Error, StringComparison.Ordinal);
        Assert.Equal(2, huge.ExitCode);
        Assert.Contains("too long", huge.Error, StringComparison.Ordinal);
        Assert.Equal(2, missingTo.ExitCode);
    }

    [Fact]
    public async Task SelfCheck_ListsTheMarianModels_AndFailsOnABrokenOne()
    {
        var broken = Path.Combine(_cli.DataDirectory, "models", "marian", "es-en");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(_modelFolder))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        File.Delete(Path.Combine(broken, "vocab.json"));

        var r = await _cli.RunAsync("--config", _config, "self-check", "--json");

        using var doc = JsonDocument.Parse(r.Out);
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("ok", checks["marian en-es"].GetProperty("status").GetString());
        Assert.StartsWith($"{_modelFolder}: ok", checks["marian en-es"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", checks["marian es-en"].GetProperty("status").GetString());
        Assert.Equal($"Marian model {broken}: vocab.json is missing", checks["marian es-en"].GetProperty("detail").GetString());
        Assert.Equal(1, r.ExitCode);
    }
}

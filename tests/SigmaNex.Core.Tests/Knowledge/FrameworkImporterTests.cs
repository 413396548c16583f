using System.Text;
using SigmaNex.Core;
using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Knowledge.Importers;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Knowledge;

public sealed class FrameworkImporterTests
{
    [Fact]
    public void Parse_OriginalFramework_ImportsFifteenModulesWithStepsAndFallbacks()
    {
        var protocols = FrameworkImporter.Parse(File.ReadAllBytes(RepoPaths.OriginalFramework), "Framework_SIGMA.json");

        Assert.Equal(15, protocols.Count);
        var water = protocols[0];
        Assert.Equal("framework-01-idratazione", water.Id);
        Assert.Equal("it", water.Language);
        Assert.Equal("water", water.Category);
        Assert.Equal(Priority.High, water.Priority);
        Assert.Equal(4, water.Steps.Count);
        Assert.StartsWith("Raccogli materiali naturali", water.Steps[0], StringComparison.Ordinal);
        Assert.Equal(4, water.Improvised.Count);
        Assert.StartsWith("Raccogli rugiada", water.Improvised[0], StringComparison.Ordinal);
        Assert.All(protocols, p => Assert.NotEmpty(p.Steps));
        Assert.Equal(15, protocols.Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("{\"modules\": [", "not valid JSON")]
    [InlineData("{\"moduli\": []}", "expected an object with a \"modules\" list")]
    [InlineData("{\"modules\": [{\"nome\": \"x\"}]}", "modules[0].comandi must be a non-empty list")]
    [InlineData("{\"modules\": [{\"nome\": \"x\", \"comandi\": [1]}]}", "modules[0].comandi must be a list of text")]
    [InlineData("{\"modules\": [{\"comandi\": [\"a\"]}]}", "modules[0].nome is required")]
    public void Parse_Malformed_SaysWhatIsWrong(string json, string expected)
    {
        var ex = Assert.Throws<SigmaException>(() => FrameworkImporter.Parse(Encoding.UTF8.GetBytes(json), "f.json"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}

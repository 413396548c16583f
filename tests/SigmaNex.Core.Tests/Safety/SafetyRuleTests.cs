using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Language;
using SigmaNex.Core.Safety;
using SigmaNex.Core.Triage;
using SigmaNex.Tests;
using YamlDotNet.RepresentationModel;

namespace SigmaNex.Core.Tests.Safety;

/// <summary>
/// Every "do not" rule of every critical protocol, in every language, is enforced on model answers: a sentence
/// that breaks it (Safety/violations.yaml) is replaced by the rule, the same advice given correctly is left
/// alone, and nothing the protocols themselves say sets a rule off.
/// </summary>
public sealed class SafetyRuleTests
{
    private static readonly Lazy<IReadOnlyList<Protocol>> s_critical = new(() =>
        ProtocolLibrary.Load(RepoPaths.Knowledge).Where(p => p.Priority == Priority.Critical).ToList());

    private static readonly Lazy<IReadOnlyList<Violation>> s_violations = new(LoadViolations);

    private static readonly SafetyChecker s_checker = new(DrugGlossary.Default);

    public static TheoryData<string, string, int> Rules()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var p in s_critical.Value)
        {
            for (var i = 0; i < p.Warnings.Count; i++)
            {
                data.Add(p.Id, p.Language, i);
            }
        }

        return data;
    }

    public static TheoryData<string, string, int> SafeSamples()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var v in s_violations.Value.Where(v => v.Safe is not null).DistinctBy(v => (v.Protocol, v.Language, v.Warning)))
        {
            data.Add(v.Protocol, v.Language, v.Warning);
        }

        return data;
    }

    public static TheoryData<string, string> CriticalProtocols()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in s_critical.Value)
        {
            data.Add(p.Id, p.Language);
        }

        return data;
    }

    [Fact]
    public void Library_HasCriticalProtocolsInBothLanguages()
    {
        Assert.True(s_critical.Value.Count >= 2);
        Assert.Equal(s_critical.Value.Count(p => p.Language == "en"), s_critical.Value.Count(p => p.Language == "it"));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void DoNotRule_AnAnswerBreakingIt_IsReplacedByTheRule(string id, string language, int warning)
    {
        var protocol = Find(id, language);
        var rule = protocol.Warnings[warning];
        Assert.True(rule.Forbid.Count > 0, $"{language}/{id} warning {warning} has no forbid phrases: '{rule.Text}'");

        var samples = s_violations.Value.Where(v => v.Protocol == id && v.Language == language && v.Warning == warning).ToList();
        Assert.True(samples.Count > 0, $"Safety/violations.yaml has no violating sentence for {language}/{id} warning {warning}: '{rule.Text}'");

        foreach (var sample in samples)
        {
            var (text, correction) = s_checker.CheckSentence(sample.Says, Context([protocol], language));

            Assert.True(correction is { Kind: SafetyCorrection.Contradiction }, $"{language}/{id} warning {warning}: not corrected: '{sample.Says}'");
            Assert.Contains(rule.Text, correction.Replacement, StringComparison.Ordinal);
            Assert.Contains(rule.Text, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SafeSamples))]
    public void DoNotRule_AnAnswerGivingItCorrectly_IsLeftAlone(string id, string language, int warning)
    {
        var protocol = Find(id, language);
        foreach (var sample in s_violations.Value.Where(v => v.Protocol == id && v.Language == language && v.Warning == warning && v.Safe is not null))
        {
            var (text, correction) = s_checker.CheckSentence(sample.Safe!, Context([protocol], language));

            Assert.True(correction is null, $"{language}/{id} warning {warning}: '{sample.Safe}' was corrected: {correction?.Reason}");
            Assert.Equal(sample.Safe, text);
        }
    }

    [Theory]
    [MemberData(nameof(CriticalProtocols))]
    public void CriticalProtocol_HasAtLeastOneCorrectlyGivenSample(string id, string language)
    {
        Assert.Contains(s_violations.Value, v => v.Protocol == id && v.Language == language && v.Safe is not null);
    }

    [Theory]
    [MemberData(nameof(CriticalProtocols))]
    public void CriticalProtocol_OwnText_RaisesNoFalseAlarm(string id, string language)
    {
        // Several protocols are checked together: every critical one of the language is in the context.
        var protocol = Find(id, language);
        var context = Context(s_critical.Value.Where(p => p.Language == language).ToList(), language);
        var texts = new[] { protocol.Summary }
            .Concat(protocol.Steps)
            .Concat(protocol.CallForHelp)
            .Concat(protocol.SpecialCases.Values)
            .Concat(protocol.Improvised);

        var alarms = new List<string>();
        foreach (var sentence in texts.SelectMany(Sentences))
        {
            var (_, correction) = s_checker.CheckSentence(sentence, context);
            if (correction is { Kind: SafetyCorrection.Contradiction })
            {
                alarms.Add($"'{sentence.Trim()}': {correction.Reason}");
            }
        }

        Assert.True(alarms.Count == 0, string.Join("\n", alarms));
    }

    [Fact]
    public void ViolationData_NamesOnlyExistingRules()
    {
        foreach (var v in s_violations.Value)
        {
            var protocol = s_critical.Value.SingleOrDefault(p => p.Id == v.Protocol && p.Language == v.Language);
            Assert.True(protocol is not null, $"violations.yaml: {v.Language}/{v.Protocol} is not a critical protocol");
            Assert.InRange(v.Warning, 0, protocol.Warnings.Count - 1);
            Assert.False(string.IsNullOrWhiteSpace(v.Says), $"violations.yaml: {v.Language}/{v.Protocol} warning {v.Warning} has no sentence");
        }
    }

    private static Protocol Find(string id, string language) =>
        s_critical.Value.Single(p => p.Id == id && p.Language == language);

    private static SafetyContext Context(IReadOnlyList<Protocol> protocols, string language) => new()
    {
        Protocols = protocols,
        Grounding = string.Join("\n\n", protocols.Select(FullText)),
        Language = language,
        Medical = true,
        Contact = EmergencyNumbers.For(language == "it" ? "IT" : "EU"),
        Phrases = Phrases.For(language),
    };

    private static string FullText(Protocol p) => string.Join(
        "\n",
        new[] { p.Title, p.Summary }
            .Concat(p.Steps)
            .Concat(p.Warnings.Select(w => w.Text))
            .Concat(p.CallForHelp)
            .Concat(p.SpecialCases.Values)
            .Concat(p.Improvised));

    // Split the way a streamed answer is: the SentenceBuffer releases whole sentences.
    private static IEnumerable<string> Sentences(string text)
    {
        var buffer = new SentenceBuffer();
        foreach (var sentence in buffer.Add(text.Trim() + " "))
        {
            yield return sentence;
        }

        var rest = buffer.Flush();
        if (!string.IsNullOrWhiteSpace(rest))
        {
            yield return rest;
        }
    }

    private static IReadOnlyList<Violation> LoadViolations()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "SigmaNex.Core.Tests", "Safety", "violations.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var result = new List<Violation>();
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var (idNode, languages) in root.Children)
        {
            foreach (var (languageNode, entries) in ((YamlMappingNode)languages).Children)
            {
                foreach (var entry in ((YamlSequenceNode)entries).Children.Cast<YamlMappingNode>())
                {
                    result.Add(new Violation(
                        ((YamlScalarNode)idNode).Value!,
                        ((YamlScalarNode)languageNode).Value!,
                        int.Parse(Scalar(entry, "warning")!, System.Globalization.CultureInfo.InvariantCulture),
                        Scalar(entry, "says")!,
                        Scalar(entry, "safe")));
                }
            }
        }

        return result;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private sealed record Violation(string Protocol, string Language, int Warning, string Says, string? Safe);
}

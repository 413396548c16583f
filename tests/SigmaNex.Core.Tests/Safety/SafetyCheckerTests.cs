using SigmaNex.Core.Knowledge;
using SigmaNex.Core.Llm;
using SigmaNex.Core.Language;
using SigmaNex.Core.Safety;
using SigmaNex.Core.Triage;
using SigmaNex.Tests;

namespace SigmaNex.Core.Tests.Safety;

/// <summary>The deterministic checks on a model's answer: contradictions, doses, drugs, the epilogue.</summary>
public sealed class SafetyCheckerTests
{
    private static readonly Lazy<IReadOnlyList<Protocol>> s_library = new(() => ProtocolLibrary.Load(RepoPaths.Knowledge));
    private readonly SafetyChecker _checker = new(DrugGlossary.Default);

    [Theory]
    [InlineData("burns-scalds", "en", "Rub some butter on the burn to soothe it.", "butter")]
    [InlineData("burns-scalds", "en", "Put an ice pack on the burn straight away.", "ice")]
    [InlineData("snake-bite", "en", "Cut the bite and suck out the venom.", "suck")]
    [InlineData("severe-bleeding", "en", "Pull the knife out so you can see the wound.", "stuck")]
    [InlineData("severe-bleeding", "en", "Don't panic, pull the knife out of the wound.", "stuck")]
    [InlineData("severe-bleeding", "en", "After twenty minutes, loosen the tourniquet to let the blood flow.", "tourniquet")]
    [InlineData("poisoning-swallowed", "en", "Make him vomit to get the poison out.", "vomit")]
    [InlineData("burns-scalds", "it", "Metti del burro sulla bruciatura per dare sollievo.", "burro")]
    [InlineData("snake-bite", "it", "Incidi il morso e succhia il veleno.", "succhia")]
    public void Contradiction_IsReplacedByTheProtocolsOwnWarning(string id, string language, string sentence, string warningWord)
    {
        var context = Context(language, Protocol(id, language));

        var (text, correction) = _checker.CheckSentence(sentence, context);

        Assert.NotNull(correction);
        Assert.Equal(SafetyCorrection.Contradiction, correction.Kind);
        Assert.StartsWith("⚠ ", text, StringComparison.Ordinal);
        var warning = Assert.Single(Protocol(id, language).Warnings, w => text.Contains(w.Text, StringComparison.Ordinal));
        Assert.Contains(warningWord, warning.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"[{id}.{language}]", correction.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("burns-scalds", "en", "Never put butter on a burn.")]
    [InlineData("burns-scalds", "en", "Do not use ice or iced water on the burn.")]
    [InlineData("snake-bite", "en", "Do not cut the bite or try to suck out the venom.")]
    [InlineData("severe-bleeding", "en", "Leave the knife in place and do not pull it out.")]
    [InlineData("burns-scalds", "it", "Non mettere mai burro sulla bruciatura.")]
    public void AdviceAgainstTheAction_IsLeftAlone(string id, string language, string sentence)
    {
        var (text, correction) = _checker.CheckSentence(sentence, Context(language, Protocol(id, language)));

        Assert.Null(correction);
        Assert.Equal(sentence, text);
    }

    [Fact]
    public void Correction_KeepsTheListMarkerAndLineEnd()
    {
        var (text, _) = _checker.CheckSentence("2. Rub butter on the burn.\n", Context("en", Protocol("burns-scalds", "en")));

        Assert.StartsWith("2. ⚠ Do not put butter", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DoseNotInTheProtocols_IsRemoved_AndADoseThatIsThereStays()
    {
        var context = Context("en", Protocol("heart-attack", "en"));
        var grounded = Doses.Find(context.Grounding).First();

        var (removed, correction) = _checker.CheckSentence("Give him 1000 mg of aspirin with water. ", context);
        var (kept, none) = _checker.CheckSentence($"The protocol dose is {grounded}. ", context);

        Assert.NotNull(correction);
        Assert.Equal(SafetyCorrection.Dose, correction.Kind);
        Assert.Contains("1000 mg", correction.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("1000", removed, StringComparison.Ordinal);
        Assert.Equal(Phrases.For("en")["safety_removed"] + " ", removed);
        Assert.Null(none);
        Assert.Contains(grounded.Split(' ')[0], kept, StringComparison.Ordinal);
    }

    [Fact]
    public void DrugNotInTheProtocols_IsRemoved_WhateverNameItGoesBy()
    {
        var context = Context("en", Protocol("burns-scalds", "en"));

        var (_, byName) = _checker.CheckSentence("Take some diazepam to calm down.", context);
        var (_, byBrand) = _checker.CheckSentence("A couple of Valium will help.", context);
        var (_, grounded) = _checker.CheckSentence("Nurofen helps with the pain.", context);
        var (_, against) = _checker.CheckSentence("Do not give diazepam.", context);
        var (_, plain) = _checker.CheckSentence("Wait a moment, then cool the burn under running water.", context);

        Assert.Equal(SafetyCorrection.Drug, byName?.Kind);
        Assert.Equal(SafetyCorrection.Drug, byBrand?.Kind);
        Assert.Null(grounded);
        Assert.Null(against);
        Assert.Null(plain);
    }

    [Fact]
    public void DrugTheProtocolsName_InAnotherLanguage_IsAllowed()
    {
        // The Italian anaphylaxis protocol names "adrenalina"; an English answer drawn from it says "adrenaline".
        var context = Context("en", Protocol("anaphylaxis", "it"));

        var (_, correction) = _checker.CheckSentence("Use the adrenaline auto-injector in the outer thigh.", context);

        Assert.Null(correction);
    }

    [Fact]
    public void Epilogue_AddsHowToGetHelp_AndTheDisclaimer_OnlyForMedicalAnswers()
    {
        var medical = Context("en", Protocol("burns-scalds", "en"));
        var general = medical with { Medical = false };

        var epilogue = _checker.Epilogue("Cool the burn for 20 minutes.", medical);
        var already = _checker.Epilogue("Cool the burn, and call 112 if it is large.", medical);

        Assert.Contains("112", epilogue, StringComparison.Ordinal);
        Assert.Contains(Phrases.For("en")["disclaimer"], epilogue, StringComparison.Ordinal);
        Assert.DoesNotContain(Phrases.For("en").Format("safety_call", ("number", "112")), already, StringComparison.Ordinal);
        Assert.Contains(Phrases.For("en")["disclaimer"], already, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _checker.Epilogue("Boil water for a minute.", general));
    }

    [Fact]
    public void Epilogue_SpeaksTheReadersLanguage_AndTheRegionsNumber()
    {
        var context = Context("it", Protocol("burns-scalds", "it")) with { Contact = EmergencyNumbers.For("US") };

        var epilogue = _checker.Epilogue("Raffredda la bruciatura.", context);

        Assert.Contains("911", epilogue, StringComparison.Ordinal);
        Assert.Contains(Phrases.For("it")["disclaimer"], epilogue, StringComparison.Ordinal);
    }

    [Fact]
    public void SentenceBuffer_ReleasesWholeSentences_AndKeepsListNumbersTogether()
    {
        var buffer = new SentenceBuffer();
        var released = new List<string>();

        foreach (var token in new[] { "1", ". Press", " hard on the", " wound. Keep", " pressing!", " Then\n2. Call", " 112" })
        {
            released.AddRange(buffer.Add(token));
        }

        Assert.Equal(["1. Press hard on the wound. ", "Keep pressing! ", "Then\n"], released);
        Assert.Equal("2. Call 112", buffer.Flush());
        Assert.Equal(string.Empty, buffer.Flush());
    }

    private static Protocol Protocol(string id, string language) =>
        s_library.Value.Single(p => p.Id == id && p.Language == language);

    private static SafetyContext Context(string language, params Protocol[] protocols) => new()
    {
        Protocols = protocols,
        Grounding = string.Join("\n\n", protocols.Select(p => KnowledgeComposer.Render(p, Phrases.For(p.Language)))),
        Language = language,
        Medical = true,
        Contact = EmergencyNumbers.For("EU"),
        Phrases = Phrases.For(language),
    };
}

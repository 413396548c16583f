using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SigmaNex.Core.Safety;

namespace SigmaNex.Core.Translation;

/// <summary>How protected terms are stood in for while a text is translated.</summary>
public enum PlaceholderStyle
{
    /// <summary>
    /// Three-digit numbers (901, 902, …). Marian models copy digits reliably, and since every number of the text
    /// is itself protected, no other number can be confused with a placeholder.
    /// </summary>
    Number,

    /// <summary>Markers such as [[1]], which a chat model is told to keep.</summary>
    Marker,
}

/// <summary>One protected span: what it was, what the translation must say instead of the placeholder.</summary>
/// <param name="Kind">dose, number, phone, protocol or drug.</param>
/// <param name="Source">The text as it was.</param>
/// <param name="Replacement">What the translation gets: the same text, or a drug's name in the target language.</param>
/// <param name="Placeholder">What the translator sees instead.</param>
public sealed record ProtectedTerm(string Kind, string Source, string Replacement, string Placeholder);

/// <summary>The outcome of putting the protected terms back into a translation.</summary>
/// <param name="Text">The restored translation, or null when the check failed.</param>
/// <param name="Problem">Why the check failed, e.g. "the translation lost \"500 mg\"".</param>
public sealed record RestoredText(string? Text, string? Problem)
{
    public bool Ok => Text is not null;
}

/// <summary>A text with its protected terms replaced by placeholders.</summary>
public sealed partial class ProtectedText
{
    private readonly Dictionary<string, ProtectedTerm> _byPlaceholder;

    internal ProtectedText(string source, string masked, IReadOnlyList<ProtectedTerm> terms, PlaceholderStyle style)
    {
        Source = source;
        Masked = masked;
        Terms = terms;
        Style = style;
        _byPlaceholder = terms.ToDictionary(t => t.Placeholder, StringComparer.Ordinal);
    }

    public string Source { get; }

    /// <summary>What the translator is given.</summary>
    public string Masked { get; }

    public IReadOnlyList<ProtectedTerm> Terms { get; }

    public PlaceholderStyle Style { get; }

    /// <summary>False when nothing but protected terms, punctuation and spaces is left: no need to translate.</summary>
    public bool NeedsTranslation => Masked.Any(char.IsLetter);

    /// <summary>
    /// The quality check: every placeholder must come back exactly once and no number may appear that was not in
    /// the source (all of the source's numbers are protected). Then the placeholders are replaced.
    /// </summary>
    public RestoredText Restore(string translated)
    {
        var counts = Terms.ToDictionary(t => t.Placeholder, _ => 0, StringComparer.Ordinal);
        var pattern = Style == PlaceholderStyle.Number ? NumberToken() : MarkerToken();
        foreach (Match m in pattern.Matches(translated))
        {
            if (counts.TryGetValue(m.Value, out var n))
            {
                counts[m.Value] = n + 1;
            }
            else if (Style == PlaceholderStyle.Number)
            {
                return new RestoredText(null, $"the translation added the number \"{m.Value}\"");
            }
            else
            {
                return new RestoredText(null, $"the translation added an unknown marker \"{m.Value}\"");
            }
        }

        foreach (var term in Terms)
        {
            switch (counts[term.Placeholder])
            {
                case 0:
                    return new RestoredText(null, $"the translation lost \"{term.Source}\"");
                case > 1:
                    return new RestoredText(null, $"the translation repeated \"{term.Source}\"");
            }
        }

        if (Style == PlaceholderStyle.Marker && Digit().Match(MarkerToken().Replace(translated, string.Empty)) is { Success: true } extra)
        {
            return new RestoredText(null, $"the translation added a number (\"{extra.Value}\")");
        }

        return new RestoredText(pattern.Replace(translated, m => _byPlaceholder[m.Value].Replacement), null);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\[\[\d+\]\]")]
    private static partial Regex MarkerToken();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digit();
}

/// <summary>
/// Keeps what must not change in a translation: numbers with units and doses (500 mg, 2 ml/kg, 37.5 °C, 30:2,
/// 5–10), every other number (so emergency numbers such as 112, 911, 118 too), phone numbers, protocol ids
/// ([severe-bleeding.en]) and drug and substance names from the glossary. A drug name becomes its name in the target
/// language when <c>glossary/drug-names.yaml</c> lists one (adrenaline → adrenalina), and stays as written otherwise.
/// The terms are replaced by placeholders before translation and restored after, with a check that each came back
/// exactly once (<see cref="ProtectedText.Restore"/>).
/// </summary>
public sealed partial class TermProtector
{
    /// <summary>Glossary names that are also ordinary words, so they are not protected ("moment" is an Italian brand).</summary>
    private static readonly HashSet<string> s_ambiguous = new(StringComparer.OrdinalIgnoreCase) { "moment" };

    private readonly Regex _drugs;
    private readonly DrugNames _names;

    public TermProtector(DrugGlossary glossary, DrugNames names)
    {
        _names = names;
        var all = glossary.Entries.Values.SelectMany(n => n).Concat(names.AllNames)
            .Where(n => !s_ambiguous.Contains(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Select(n => Regex.Escape(n).Replace("\\ ", "\\s+", StringComparison.Ordinal));
        _drugs = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', all)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public static TermProtector Default { get; } = new(DrugGlossary.Default, DrugNames.Default);

    /// <summary>The protected spans of a text: start, length and kind, in order, not overlapping.</summary>
    public IReadOnlyList<(int Index, int Length, string Kind)> Find(string text)
    {
        var found = new List<(int Index, int Length, string Kind, int Priority)>();
        void Add(Regex regex, string kind, int priority)
        {
            foreach (Match m in regex.Matches(text))
            {
                found.Add((m.Index, m.Length, kind, priority));
            }
        }

        Add(ProtocolId(), "protocol", 0);
        Add(Phone(), "phone", 1);
        Add(Measure(), "dose", 2);
        Add(AnyNumber(), "number", 3);
        Add(_drugs, "drug", 4);

        var chosen = new List<(int Index, int Length, string Kind)>();
        var end = 0;
        foreach (var f in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length).ThenBy(f => f.Priority))
        {
            if (f.Index >= end)
            {
                chosen.Add((f.Index, f.Length, f.Kind));
                end = f.Index + f.Length;
            }
        }

        return chosen;
    }

    /// <summary>Replaces the protected terms of <paramref name="text"/> by placeholders of the given style.</summary>
    public ProtectedText Protect(string text, string from, string to, PlaceholderStyle style)
    {
        var spans = Find(text);
        var masked = new StringBuilder(text.Length);
        var terms = new List<ProtectedTerm>(spans.Count);
        var position = 0;
        foreach (var (index, length, kind) in spans)
        {
            masked.Append(text, position, index - position);
            var source = text.Substring(index, length);
            var n = terms.Count + 1;
            var placeholder = style == PlaceholderStyle.Number
                ? (n < 100 ? 900 + n : 9000 + n).ToString(CultureInfo.InvariantCulture)
                : $"[[{n}]]";
            var replacement = kind == "drug" ? DrugIn(source, from, to, atSentenceStart: index == 0) : source;
            terms.Add(new ProtectedTerm(kind, source, replacement, placeholder));
            masked.Append(placeholder);
            position = index + length;
        }

        masked.Append(text, position, text.Length - position);
        return new ProtectedText(text, masked.ToString(), terms, style);
    }

    private string DrugIn(string source, string from, string to, bool atSentenceStart)
    {
        if (_names.Translate(source, to) is not { } name)
        {
            return source;
        }

        // Keep a capital from the source (sentence start, or a proper noun), but not German's capitalised nouns.
        var capital = char.IsUpper(source[0]) && (atSentenceStart || from != "de");
        return capital && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..]
            : !capital && char.IsUpper(name[0]) && to != "de" ? char.ToLowerInvariant(name[0]) + name[1..]
            : name;
    }

    [GeneratedRegex(@"\[[A-Za-z0-9][\w-]*(?:\.[a-z]{2,3})?\]")]
    private static partial Regex ProtocolId();

    [GeneratedRegex(@"(?<![\w+])\+?\d{1,4}(?:[ -]\(?\d{2,4}\)?){2,5}(?![\w])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\w.,])\d+(?:[.,]\d+)?(?:\s?[-–]\s?\d+(?:[.,]\d+)?)?\s?(?:mg|mcg|µg|μg|ng|kg|g|ml|mL|dl|cl|l|L|mmol|mEq|IU|UI|U|%|°C|°F|°|cm|mm|km|mmHg|bpm|kcal|cc|gtt)(?:\s?/\s?(?:kg|h|hr|min|day|dose|ml|mL|l|L|m²|m2))?(?![\p{L}\p{N}])")]
    private static partial Regex Measure();

    [GeneratedRegex(@"\d+(?:[.,:/]\d+)*(?:\s?[-–]\s?\d+(?:[.,]\d+)*)?")]
    private static partial Regex AnyNumber();
}

using System.Text.RegularExpressions;
using SigmaNex.Core.Pipeline;
using Spectre.Console;

namespace SigmaNex.Cli.Output;

/// <summary>
/// Renders the Runner's stream for people: the emergency card in a red frame first, then the answer,
/// then its sources. Markdown from the composer or a model is shown with light formatting.
/// </summary>
public sealed partial class AnswerRenderer
{
    private readonly Renderer _out;
    private bool _streamingText;
    private bool _endsWithNewline = true;

    public AnswerRenderer(Renderer output) => _out = output;

    public AnswerResult? Result { get; private set; }

    public void Render(AnswerEvent e)
    {
        switch (e)
        {
            case EmergencyCardEvent card:
                RenderCard(card);
                break;
            case TextEvent { Streamed: true } token:
                // Model tokens are printed as they come.
                _streamingText = true;
                _out.Raw(token.Text);
                _endsWithNewline = token.Text.EndsWith('\n');
                break;
            case TextEvent text:
                WriteMarkdown(text.Text);
                _endsWithNewline = true;
                break;
            case NoticeEvent notice:
                if (!_endsWithNewline)
                {
                    _out.Line();
                    _endsWithNewline = true;
                }

                _out.Notice(notice.Message);
                break;
            case CompletedEvent done:
                Result = done.Result;
                if (_streamingText && !_endsWithNewline)
                {
                    _out.Line();
                }

                RenderSources(done.Result);
                break;
        }
    }

    private void RenderCard(EmergencyCardEvent e)
    {
        var category = e.Triage.Category?.Replace('_', ' ').ToUpperInvariant() ?? "EMERGENCY";
        if (!_out.Console.Profile.Capabilities.Ansi)
        {
            // Piped or redirected: plain text that reads well in a file or a log.
            _out.Line($"=== {category} ===");
            _out.Line(e.Card.CallLine);
            if (e.Card.CrisisLine is { } line)
            {
                _out.Line(line);
            }

            _out.Line();
            WriteMarkdown(e.Card.Markdown);
            _out.Line("===");
            _out.Line();
            return;
        }

        var lines = new List<string> { $"[bold red]{Markup.Escape(e.Card.CallLine)}[/]" };
        if (e.Card.CrisisLine is { } crisis)
        {
            lines.Add($"[bold yellow]{Markup.Escape(crisis)}[/]");
        }

        lines.Add(string.Empty);
        lines.AddRange(e.Card.Markdown.Split('\n').Select(ToMarkup));
        var panel = new Panel(new Markup(string.Join('\n', lines)))
        {
            Border = BoxBorder.Heavy,
            BorderStyle = new Style(Color.Red),
            Header = new PanelHeader($"[bold red] {Markup.Escape(category)} [/]"),
            Padding = new Padding(1, 0, 1, 0),
        };
        _out.Console.Write(panel);
        _out.Line();
    }

    private void WriteMarkdown(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            _out.Markup(ToMarkup(line.TrimEnd('\r')));
        }
    }

    private void RenderSources(AnswerResult r)
    {
        if (r.Sources.Count == 0)
        {
            return;
        }

        _out.Line();
        var items = r.Sources.Select(s => $"[grey]{Markup.Escape(s.Id)}[/] {Markup.Escape(s.Title)}");
        var by = r.Backend == "knowledge" ? "knowledge" : $"{r.Backend}: {r.Model}";
        _out.Markup($"[bold]Sources[/] ({Markup.Escape(by)}): " + string.Join(" · ", items));
        foreach (var credit in r.Sources.Select(s => s.Attribution).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            _out.Markup($"[grey]{Markup.Escape(credit)}[/]");
        }
    }

    /// <summary>Markdown-lite: headings, bold, italics and list markers, everything else escaped.</summary>
    public static string ToMarkup(string line)
    {
        if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
        {
            return $"[bold underline]{Markup.Escape(line.TrimStart('#', ' '))}[/]";
        }

        if (line.StartsWith("### ", StringComparison.Ordinal))
        {
            return $"[bold]{Markup.Escape(line[4..])}[/]";
        }

        var escaped = Markup.Escape(line);
        if (escaped.StartsWith("- ", StringComparison.Ordinal))
        {
            escaped = "  • " + escaped[2..];
        }
        else if (NumberedItem().IsMatch(escaped))
        {
            escaped = "  " + escaped;
        }

        escaped = Bold().Replace(escaped, "[bold]$1[/]");
        return Italic().Replace(escaped, "[italic grey]$1[/]");
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w])_(.+?)_(?![\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex NumberedItem();
}

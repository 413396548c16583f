using System.Net;
using System.Text;

namespace SigmaNex.Core.Knowledge.Importers;

/// <summary>
/// The readable text of an HTML page, without a DOM: scripts, styles, <c>noscript</c>, <c>template</c>,
/// <c>svg</c> and comments are dropped; block elements make paragraph breaks; <c>h1</c>–<c>h6</c> start
/// sections; entities are decoded. It never fails: malformed markup (stray <c>&lt;</c>, unclosed tags
/// or comments) is read as well as it can be.
/// </summary>
public static class HtmlTextExtractor
{
    private static readonly HashSet<string> s_dropped = new(StringComparer.Ordinal) { "script", "style", "noscript", "template", "svg", "math", "iframe", "object" };

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "form", "fieldset",
        "address", "details", "summary", "hr", "body", "html", "caption", "center",
    };

    /// <summary>The page's title (from <c>&lt;title&gt;</c>, else the first <c>h1</c>; null if neither) and its sections.</summary>
    public static (string? Title, List<TextSection> Sections) Extract(string html)
    {
        var state = new State();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                state.Text(html.AsSpan(i));
                break;
            }

            state.Text(html.AsSpan(i, lt - i));
            i = Tag(html, lt, state);
        }

        state.Finish();
        return (state.Title ?? state.FirstH1, state.Sections);
    }

    /// <summary>Reads the markup at <paramref name="lt"/> and returns where the text after it starts.</summary>
    private static int Tag(string html, int lt, State state)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        var p = lt + 1;
        var closing = p < html.Length && html[p] == '/';
        if (closing)
        {
            p++;
        }

        if (p >= html.Length || !(char.IsAsciiLetter(html[p]) || (!closing && html[p] is '!' or '?')))
        {
            // A '<' that starts no tag is text ("a < b").
            state.Text("<");
            return lt + 1;
        }

        if (html[p] is '!' or '?')
        {
            var gt = html.IndexOf('>', p);
            return gt < 0 ? html.Length : gt + 1;
        }

        var nameStart = p;
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is '-' or ':'))
        {
            p++;
        }

        var name = html[nameStart..p].ToLowerInvariant();
        var close = EndOfTag(html, p);
        var next = close < 0 ? html.Length : close + 1;
        if (closing)
        {
            state.Close(name);
            return next;
        }

        var selfClosing = close > 0 && html[close - 1] == '/';
        if (!selfClosing && (s_dropped.Contains(name) || name == "title"))
        {
            // Raw text: everything up to the matching end tag, whatever it contains.
            var end = html.IndexOf("</" + name, next, StringComparison.OrdinalIgnoreCase);
            var contentEnd = end < 0 ? html.Length : end;
            if (name == "title")
            {
                state.SetTitle(html[next..contentEnd]);
            }

            if (end < 0)
            {
                return html.Length;
            }

            var gt = html.IndexOf('>', end);
            return gt < 0 ? html.Length : gt + 1;
        }

        state.Open(name);
        return next;
    }

    /// <summary>The '&gt;' that ends a tag, skipping quoted attribute values; -1 when there is none.</summary>
    private static int EndOfTag(string html, int start)
    {
        var quote = '\0';
        for (var p = start; p < html.Length; p++)
        {
            var c = html[p];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return p;
            }
            else if (c == '<')
            {
                // An unclosed tag: stop before the next one rather than swallow it.
                return p - 1;
            }
        }

        // An unbalanced quote: fall back to the first '>' rather than lose the rest of the page.
        return html.IndexOf('>', start);
    }

    private static string Clean(string raw)
    {
        var decoded = WebUtility.HtmlDecode(raw);
        var sb = new StringBuilder(decoded.Length);
        var space = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private sealed class State
    {
        private readonly StringBuilder _body = new();
        private readonly StringBuilder _pending = new();
        private StringBuilder? _heading;
        private string? _sectionHeading;
        private string? _headingName;

        public List<TextSection> Sections { get; } = [];

        public string? Title { get; private set; }

        public string? FirstH1 { get; private set; }

        public void Text(ReadOnlySpan<char> text) => (_heading ?? _pending).Append(text);

        public void Text(string text) => (_heading ?? _pending).Append(text);

        public void SetTitle(string raw)
        {
            var t = Clean(raw);
            if (Title is null && t.Length > 0)
            {
                Title = t;
            }
        }

        public void Open(string name)
        {
            if (IsHeading(name))
            {
                FlushPending();
                FlushSection();
                _heading = new StringBuilder();
                _headingName = name;
            }
            else if (name == "br")
            {
                FlushPending();
                _body.Append('\n');
            }
            else if (name is "td" or "th")
            {
                (_heading ?? _pending).Append(' ');
            }
            else if (s_blocks.Contains(name))
            {
                Break();
            }
        }

        public void Close(string name)
        {
            if (IsHeading(name) && _heading is not null)
            {
                EndHeading();
            }
            else if (s_blocks.Contains(name))
            {
                Break();
            }
        }

        public void Finish()
        {
            if (_heading is not null)
            {
                EndHeading();
            }

            FlushPending();
            FlushSection();
        }

        private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';

        private void EndHeading()
        {
            var text = Clean(_heading!.ToString());
            _heading = null;
            _sectionHeading = text.Length == 0 ? null : text;
            if (_headingName == "h1" && FirstH1 is null && text.Length > 0)
            {
                FirstH1 = text;
            }
        }

        private void Break()
        {
            if (_heading is not null)
            {
                // A block inside a heading (or an unclosed heading): the heading ends here.
                EndHeading();
            }

            FlushPending();
            _body.Append("\n\n");
        }

        private void FlushPending()
        {
            if (_pending.Length == 0)
            {
                return;
            }

            var text = Clean(_pending.ToString());
            _pending.Clear();
            if (text.Length > 0)
            {
                if (_body.Length > 0 && _body[^1] != '\n')
                {
                    _body.Append(' ');
                }

                _body.Append(text);
            }
        }

        private void FlushSection()
        {
            var text = _body.ToString();
            _body.Clear();
            if (!string.IsNullOrWhiteSpace(text))
            {
                Sections.Add(new TextSection(_sectionHeading, text));
            }
        }
    }
}

namespace SigmaNex.Core.Text;

/// <summary>
/// The tokens of a text as spans of the original characters (not yet lower-cased), without allocating:
/// the same tokens as <see cref="Tokenizer.Tokenize(ReadOnlySpan{char})"/>, for the indexing hot loops.
/// </summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            while (_position < _text.Length && !Tokenizer.IsWordChar(_text[_position]))
            {
                _position++;
            }

            var start = _position;
            while (_position < _text.Length && Tokenizer.IsWordChar(_text[_position]))
            {
                _position++;
            }

            var length = _position - start;
            if (length > 0 && length <= Tokenizer.MaxTokenLength)
            {
                Current = _text.Slice(start, length);
                return true;
            }
        }

        return false;
    }
}
